// @ts-check
// Bahasa Indonesia by default, English selectable; the choice is kept in localStorage.
const texts = {
  id: {
    // patients (issue 15)
    patientRecords: 'Catatan pasien', noPatients: 'Belum ada catatan pasien.', patientOf: 'Pasien {n}', years: '{n} th',
    sex_male: 'L', sex_female: 'P', sex_unknown: '?', ageGroup_infant: 'bayi', ageGroup_child: 'anak', ageGroup_adult: 'dewasa', ageGroup_elderly: 'lansia',
    outcome_treatedOnScene: 'Ditangani di lokasi', outcome_transported: 'Dibawa ke fasilitas', outcome_refused: 'Menolak', outcome_died: 'Meninggal',
    patientMissing: 'Belum lengkap: {fields}', missing_destinationId: 'tujuan', missing_handoverAt: 'waktu serah terima',
    icd10Unlisted: 'kode tidak ada di daftar', observedAt: 'Observasi {time}', handedOver: 'Serah terima {time} kepada {name}', sisrute: 'SISRUTE {ref}',
    crewPatientAdd: '+ Tambah pasien', crewAge: 'Umur (tahun)', crewObservationSave: 'Simpan observasi', crewTreatmentOther: 'Tindakan lain',
    crewOutcome: 'Hasil', crewDestination: 'Tujuan', crewHandoverNow: 'Serah terima sekarang', crewReceivedBy: 'Diterima oleh',
    crewPatientsWaiting: '{n} perubahan pasien menunggu sinyal', patientName: 'Nama',
    vital_systolic: 'Sistolik (mmHg)', vital_diastolic: 'Diastolik (mmHg)', vital_pulse: 'Nadi (/menit)', vital_respRate: 'Napas (/menit)',
    vital_spo2: 'SpO2 (%)', vital_gcs: 'GCS (3-15)', vital_temperature: 'Suhu (°C)', vital_glucose: 'Gula darah (mg/dL)',
    treatOxygen: 'Oksigen', treatIv: 'Infus', treatSplint: 'Bidai', treatBandage: 'Balut tekan', treatCpr: 'RJP', treatPosition: 'Posisi pasien',
    appTitle: 'PSC 119 Kota Solok', login: 'Masuk', logout: 'Keluar', username: 'Nama pengguna', password: 'Kata sandi',
    loginFailed: 'Nama pengguna atau kata sandi salah.', serverUnreachable: 'Server tidak dapat dihubungi; coba lagi.', connected: 'Terhubung', reconnecting: 'Menyambung ulang…', disconnected: 'Terputus',
    callQueue: 'Antrean panggilan', noCalls: 'Tidak ada panggilan menunggu.', waiting: 'menunggu', answered: 'dijawab', answer: 'Jawab',
    takenBy: 'diambil oleh {name}', source: 'Sumber', device: 'Lokasi perangkat', accuracy: 'akurasi {m} m', withheld: 'nomor disembunyikan',
    callTaking: 'Penerimaan panggilan', selectCall: 'Jawab panggilan dari antrean (Alt+J).', kelurahan: 'Kelurahan', chooseKelurahan: '— pilih kelurahan —',
    landmark: 'Alamat / patokan', complaint: 'Keluhan', triage: 'Triase', patients: 'Jumlah pasien', emergency: 'Gawat darurat', category: 'Kategori',
    trauma: 'Trauma', nonTrauma: 'Non-trauma', createIncident: 'Buat insiden', useDevice: 'Pakai lokasi perangkat', confirmedPoint: 'Titik dikonfirmasi',
    noPoint: 'Belum ada titik: klik peta, atau pilih kelurahan.', closeCall: 'Tutup tanpa insiden', outcome: 'Hasil',
    nonEmergencyAdvice: 'Saran non-darurat', information: 'Informasi', prank: 'Iseng', abandoned: 'Terputus/ditinggal',
    duplicateWarning: 'Kemungkinan insiden yang sama sudah aktif:', attach: 'Gabungkan ke insiden #{id}', attachShort: 'Gabungkan ke insiden', recommendation: 'Rekomendasi unit',
    assign: 'Tugaskan', assigned: 'Ditugaskan', incidents: 'Insiden aktif', units: 'Unit', status: 'Status', sinceCall: 'Sejak panggilan',
    unit: 'Unit', lastPosition: 'Posisi terakhir', never: 'belum ada', ago: '{t} lalu', shortcuts: 'Pintasan',
    merah: 'Merah', kuning: 'Kuning', hijau: 'Hijau', hitam: 'Hitam', language: 'English', cancel: 'Batal', reason: 'Alasan',
    closeIncident: 'Tutup insiden', newCall: 'Panggilan baru', required: 'wajib', saved: 'Tersimpan',
    crewTitle: 'Kru ambulans', noAssignment: 'Belum ada penugasan.', accept: 'Terima penugasan', accepted: 'Diterima',
    enRoute: 'Berangkat', onScene: 'Tiba di lokasi', transporting: 'Membawa pasien', atDestination: 'Tiba di tujuan', handover: 'Serah terima',
    available: 'Tersedia', returning: 'Kembali ke pos', atStation: 'Di pos', destination: 'Tujuan', chooseDestination: '— pilih fasilitas —',
    navigate: 'Navigasi', openMap: 'Buka peta', onDuty: 'Bertugas (kirim posisi)', offDuty: 'Tidak bertugas', positionSent: 'Posisi terkirim {t}',
    positionPending: 'Posisi belum terkirim', assignmentCancelled: 'Penugasan dibatalkan: {reason}',
    adminTitle: 'Administrasi', stations: 'Pos & fasilitas', users: 'Pengguna', add: 'Tambah', save: 'Simpan', name: 'Nama', kind: 'Jenis',
    callSign: 'Kode panggil', plate: 'Nomor polisi', type: 'Tipe', homeStation: 'Pos asal', inService: 'Beroperasi', role: 'Peran',
    disabled: 'Nonaktif', resetPassword: 'Atur ulang sandi', noAccess: 'Peran Anda tidak memiliki akses ke halaman ini.',
    pscPost: 'Pos PSC', hospital: 'Rumah sakit', puskesmas: 'Puskesmas', lat: 'Lintang', lon: 'Bujur',
    reportsTitle: 'Laporan waktu tanggap', print: 'Cetak', from: 'Dari', to: 'Sampai', kecamatan: 'Kecamatan', yes: 'Ya', no: 'Tidak',
    show: 'Tampilkan', exportCsv: 'Ekspor CSV insiden', exportKemenkesJson: 'Laporan Kemenkes (JSON)', exportKemenkesCsv: 'Laporan Kemenkes (CSV)',
    intervals: 'Interval waktu', callsBySource: 'Panggilan per sumber', callsByOutcome: 'Panggilan per hasil', incidentsByTriage: 'Insiden per triase',
    monthlyTrend: 'Tren bulanan', medianByKelurahan: 'Median waktu tanggap per kelurahan', heatmap: 'Jam × hari (WIB)', unitWorkload: 'Beban kerja unit',
    definitions: 'Definisi', count: 'Jumlah', invalid: 'Tidak valid', mean: 'Rata-rata', median: 'Median', max: 'Maks', busy: 'Waktu sibuk',
    incidentsTotal: 'Insiden', compliance: 'Tepat waktu {triage}', noTarget: 'tanpa target', importTitle: 'Impor riwayat (CSV)', importFile: 'Berkas CSV',
    timeFormat: 'Format waktu (.NET atau iso)', timeZone: 'Zona waktu (IANA)', preview: 'Pratinjau', import: 'Impor', ignored: '(abaikan)',
    imported: 'Diimpor {n}, dilewati {s}, ditolak {r}', line: 'Baris', responseTime: 'Waktu tanggap', noData: 'tidak ada data',
    defPercentile: 'Persentil: interpolasi linear di antara peringkat terdekat (PERCENTILE.INC di Excel, bawaan numpy).',
    defInvalid: 'Interval yang titik awal atau akhirnya kosong, atau akhirnya mendahului awalnya, tidak valid: dikeluarkan dan dihitung.',
    defIntervals: 'Panggilan→dijawab, dijawab→unit dikirim, unit dikirim→berangkat, berangkat→tiba, panggilan→tiba (waktu tanggap), tiba→tujuan, unit dikirim→siaga kembali (waktu tugas).',
    defCompliance: 'Tepat waktu: bagian insiden dengan waktu tanggap valid yang tiba dalam target triasenya (merah 10 menit, kuning 30 menit, dapat diatur).',
    defTime: 'Rentang tanggal dan jam dalam WIB (Asia/Jakarta); ekspor CSV memakai UTC.',
    etaRoad: 'ETA: jaringan jalan', etaStraight: 'ETA: garis lurus', roadsRefused: 'Berkas jaringan jalan ditolak, ETA memakai garis lurus: {error}',
    roadsRefusedKept: 'Berkas jaringan jalan baru ditolak, jaringan sebelumnya tetap dipakai: {error}',
    routeRoad: 'Rute: {km} km lewat jalan, ~{min} menit', routeStraight: 'Garis lurus {km} km, ~{min} menit (tanpa rute jalan)',
    reasonRoad: '{km} km lewat jalan ({straight} km garis lurus)', reasonStraight: '{km} km garis lurus',
    reasonPosition: 'posisi {age} lalu', reasonStale: 'posisi {age} lalu sudah usang: dihitung dari pos', reasonNoPosition: 'belum ada posisi: dihitung dari pos',
    reasonBehindAls: '{type} diurutkan di belakang ALS untuk triase merah',
    errUnexpected: 'Terjadi kesalahan tak terduga; coba lagi.', dismiss: 'Tutup',
    // console
    noIncidents: 'Tidak ada insiden aktif.', consoleTitle: 'Konsol operator', resumeCall: 'Lanjutkan panggilan saya', takeOver: 'Ambil alih', takeOverConfirm: 'Yakin ambil alih?', noUnit: 'belum ada unit',
    // console (issue 13)
    closePanel: 'Tutup panel', addUnit: 'Tambah unit', radioStatus: 'Catat status radio', releaseUnit: 'Lepas unit', editIncident: 'Ubah insiden',
    openIncident: 'Buka insiden', notes: 'Catatan', notePlaceholder: 'Tulis catatan…', addNote: 'Tambah catatan', noNotes: 'Belum ada catatan.',
    waitingForUnitAgain: 'menunggu unit lagi', viaRadio: 'dicatat operator dari radio', radio: 'radio', divert: 'Alihkan',
    divertFrom: 'alihkan dari insiden #{id} ({triage})', divertConfirm: 'Alihkan {unit} dari insiden #{id} ({triage}) ke insiden ini? Insiden #{id} menunggu unit lagi bila tidak punya unit lain.',
    divertOffer: '{unit} sedang bertugas pada insiden #{id}. Alihkan ke insiden ini?', divertLowerConfirm: 'Insiden ini kurang mendesak daripada insiden #{id} yang ditinggalkan {unit}. Tetap alihkan?',
    yesDivert: 'Ya, alihkan', rt_notifiedAt: 'Dikirim', rt_acknowledgedAt: 'Diterima', rt_enRouteAt: 'Berangkat', rt_onSceneAt: 'Tiba',
    rt_leftSceneAt: 'Tinggalkan lokasi', rt_atDestinationAt: 'Di tujuan', rt_handoverAt: 'Serah terima', rt_backInServiceAt: 'Siaga kembali',
    end_completed: 'selesai', end_released: 'dilepas', end_diverted: 'dialihkan', end_declined: 'ditolak kru', end_cancelled: 'dibatalkan',
    divertedTo: 'ke insiden #{id}', statusAt: 'Waktu dilaporkan (WIB; kosong = sekarang)', recordStatus: 'Catat status', chooseUnit: '— pilih unit —',
    chooseStatus: '— pilih status —', release: 'Lepas', saveChanges: 'Simpan perubahan', majorIncident: 'Insiden besar (korban massal)', major: 'BESAR',
    noActiveUnit: 'Tidak ada unit aktif pada insiden ini.', declinedAlert: '{unit} menolak insiden #{id}: {reason}', ackLate: '{unit} belum menerima penugasan',
    patientsN: '{n} pasien', unchanged: 'Tidak ada yang diubah.', notesOf: 'Catatan insiden #{id}', by: 'oleh {name}',
    cancelIncident: 'Batalkan insiden', inStatus: 'Dalam status', place: 'Lokasi', closeList: 'Tutup daftar', noCandidates: 'Tidak ada unit tersedia saat ini.',
    enableSound: 'Aktifkan suara', soundBlocked: 'Peramban menahan suara: alarm panggilan tidak akan terdengar.',
    offlineTitle: 'Koneksi ke server terputus.', offlineDetail: 'Data di layar tidak diperbarui sejak {time}. Jangan andalkan antrean sampai tersambung lagi.',
    unitState_available: 'Siaga', unitState_busy: 'Bertugas', unitState_returning: 'Kembali ke pos', unitState_outOfService: 'Tidak beroperasi',
    // Crew page (phone).
    crewDuty: 'Bertugas', crewNextSteps: 'Langkah berikutnya', crewFinish: 'Selesai tugas', crewFinishTitle: 'Selesaikan tugas ini?',
    crewFinishHelp: 'Unit kembali siaga dan penugasan ditutup. Pilih salah satu:', crewFinishAvailable: 'Ya, siaga di sini',
    crewFinishReturning: 'Ya, kembali ke pos', crewWaitingTitle: 'Menunggu sinyal: dikirim otomatis sesuai urutan',
    crewWaiting: 'menunggu sinyal', crewCallBack: 'Telepon pemanggil · {n}', crewNoNumber: 'Nomor pemanggil disembunyikan.',
    crewSinceDispatch: '{t} sejak dikirim', crewDispatchedAt: 'Dikirim {t} oleh {by}',
    // crew (issue 13)
    crewDiverted: 'Dialihkan: insiden #{from} ditinggalkan, menuju insiden #{to}', crewReleased: 'Dilepas dari insiden #{id}: {reason}',
    crewDeclined: 'Penugasan insiden #{id} ditolak: {reason}', crewTriageChanged: 'Triase insiden #{id} berubah: {from} → {to}',
    crewTapDropped: 'Langkah “{step}” untuk insiden #{id} tidak dikirim: unit sudah tidak pada insiden itu.',
    crewOtherUnits: 'Unit lain di insiden ini', crewMajor: 'Insiden besar',
    crewNotes: 'Catatan insiden', crewNoNotes: 'Belum ada catatan.', crewNoteAdd: 'Tulis catatan', crewNoteSend: 'Kirim catatan',
    crewNotePlaceholder: 'mis. pasien kedua di lantai atas',
    crewDecline: 'Tolak penugasan…', crewDeclineTitle: 'Tolak penugasan ini?', crewDeclineHelp: 'Operator langsung diberi tahu dan unit menjadi tidak beroperasi. Pilih atau tulis alasannya:',
    crewDeclineSend: 'Kirim penolakan', crewDeclinePlaceholder: 'alasan lain',
    crewReasonBreakdown: 'Kendaraan rusak', crewReasonNoAls: 'Tidak ada kru ALS', crewReasonCrewShort: 'Kru tidak lengkap',
    // Own password and second factor (login page)
    changePasswordTitle: 'Buat kata sandi Anda sendiri', changePasswordHelp: 'Kata sandi ini dibuat oleh administrator. Pilih kata sandi baru: 12 sampai 128 karakter, bukan kata sandi umum.',
    currentPassword: 'Kata sandi sekarang', newPassword: 'Kata sandi baru', repeatPassword: 'Ulangi kata sandi baru', changePassword: 'Simpan kata sandi',
    passwordsDiffer: 'Kedua kata sandi baru tidak sama.', totpTitle: 'Aktifkan verifikasi dua langkah',
    totpHelp: 'Peran Anda wajib memakai aplikasi autentikator. Tambahkan akun di aplikasi dengan alamat di bawah, lalu masukkan kode 6 angka yang muncul.',
    totpCode: 'Kode autentikator (6 angka)', totpEnable: 'Aktifkan',
    accountPasswordTitle: 'Ganti kata sandi', accountPasswordHelp: 'Kata sandi baru: 12 sampai 128 karakter, bukan kata sandi umum.',
    account: 'Akun Anda: kata sandi dan verifikasi dua langkah', totpOffer: 'Verifikasi dua langkah meminta kode dari aplikasi autentikator setiap kali masuk.', totpStart: 'Aktifkan verifikasi dua langkah', accountBack: 'Kembali ke halaman saya',
    // Incident search (console, Alt+F)
    search: 'Cari insiden', searchPlaceholder: 'Nomor telepon atau kata alamat/keluhan', searchLabel: 'Cari insiden: nomor telepon, atau kata dari alamat atau keluhan',
    searchDay: 'Tanggal panggilan (WIB)', searchResults: 'Hasil pencarian insiden', searchMore: 'Tampilkan lebih banyak', searchFound: '{n} insiden ditemukan',
    searchNone: 'Tidak ada insiden yang cocok.', searchNoAddress: 'tanpa alamat', searchNotActive: 'Insiden ini tidak aktif lagi: {status}.',
    searchUnitNotified: 'Unit dikirim', searchClosedAt: 'Selesai', searchCancelledAt: 'Dibatalkan',
    // Hospital availability and pre-notification (issue 15)
    facilityTitle: 'IGD rumah sakit', facilityImportFile: 'Berkas CSV data tempat tidur (RS Online, Aplicares, atau satu kolom per jenis)', facilityStatus: 'Status IGD', facilityBeds: 'Tempat tidur kosong', facilitySave: 'Kirim ketersediaan',
    facilitySaved: 'Ketersediaan terkirim {t}.', facilityNever: 'belum pernah dilaporkan', facilityUpdated: 'diperbarui {age}',
    facilityIncoming: 'Pasien menuju ke sini', facilityNoIncoming: 'Tidak ada pasien yang sedang menuju ke sini.',
    facilityAcknowledge: 'Terima pemberitahuan', facilityAcknowledged: 'Diterima {t} oleh {by}', facilityEta: 'Tiba ±{eta}',
    facilityEtaStraight: 'Tiba ±{eta} (garis lurus, bukan jalan)', facilityChosen: 'Dipilih {t}', facilityPatients: '{n} pasien',
    ageNow: 'baru saja', ageMinutes: '{n} menit lalu', ageHours: '{n} jam lalu', ageDays: '{n} hari lalu',
    availabilityNone: 'ketersediaan belum dilaporkan', destinationEta: '±{eta}', destinationStraight: '±{eta} garis lurus',
    destinationWarn: '{name}: IGD {status}. Tetap pilih rumah sakit ini?', destinationWarnConfirm: 'Ya, tetap ke sini',
    destinationWarnCancel: 'Pilih yang lain', prenotifiedAck: '{name} menerima pemberitahuan {t}',
    facilityImportTitle: 'Perbarui fasilitas dari CSV', facilityImportPreview: 'Pratinjau', facilityImportApply: 'Terapkan',
    facilityImportCreate: 'Buat fasilitas yang belum dikenal', facility: 'Fasilitas',
    facilityImportResult: '{matched} cocok, {updated} diperbarui, {created} dibuat, {unknown} tidak dikenal: {names}',
    // Protocol cards (issue 15, guided call taking).
    protocol: 'Protokol', protocolSearch: 'Cari kartu: ketik kata keluhan', protocolNoCards: 'Tidak ada kartu yang cocok.',
    protocolSample: 'CONTOH: kartu ini dan terjemahannya belum disetujui oleh penanggung jawab medis PSC. Bukan protokol resmi Indonesia.',
    protocolApprovedBy: 'Disetujui oleh {name}.', protocolYes: 'Ya', protocolNo: 'Tidak',
    protocolKeys: 'Jawab dengan Y/N atau angka pilihan; ↑↓ pindah pertanyaan; Enter untuk saran triase.',
    protocolSuggested: 'Saran triase:', protocolCurrent: 'Triase insiden:', protocolApply: 'Gunakan saran', protocolChoose: 'atau pilih triase lain:',
    protocolStepN: 'Instruksi {n} dari {of}', protocolNext: 'Sudah dibacakan, berikutnya', protocolPrev: 'Sebelumnya', protocolSources: 'Sumber:',
    metronome: 'Metronom kompresi', metronomeStart: 'Mulai', metronomeStop: 'Berhenti', metronomeMute: 'Bisukan', metronomeUnmute: 'Bunyikan',
    metronomeRate: 'Per menit', elapsed: 'Waktu RJP',
  },
  en: {
    // patients (issue 15)
    patientRecords: 'Patient records', noPatients: 'No patient record yet.', patientOf: 'Patient {n}', years: '{n} y',
    sex_male: 'M', sex_female: 'F', sex_unknown: '?', ageGroup_infant: 'infant', ageGroup_child: 'child', ageGroup_adult: 'adult', ageGroup_elderly: 'elderly',
    outcome_treatedOnScene: 'Treated on scene', outcome_transported: 'Transported', outcome_refused: 'Refused', outcome_died: 'Died',
    patientMissing: 'Still missing: {fields}', missing_destinationId: 'destination', missing_handoverAt: 'handover time',
    icd10Unlisted: 'code not in the list', observedAt: 'Observed {time}', handedOver: 'Handed over {time} to {name}', sisrute: 'SISRUTE {ref}',
    crewPatientAdd: '+ Add patient', crewAge: 'Age (years)', crewObservationSave: 'Save observations', crewTreatmentOther: 'Other treatment',
    crewOutcome: 'Outcome', crewDestination: 'Destination', crewHandoverNow: 'Handover now', crewReceivedBy: 'Received by',
    crewPatientsWaiting: '{n} patient changes waiting for signal', patientName: 'Name',
    vital_systolic: 'Systolic (mmHg)', vital_diastolic: 'Diastolic (mmHg)', vital_pulse: 'Pulse (/min)', vital_respRate: 'Breaths (/min)',
    vital_spo2: 'SpO2 (%)', vital_gcs: 'GCS (3-15)', vital_temperature: 'Temperature (°C)', vital_glucose: 'Blood glucose (mg/dL)',
    treatOxygen: 'Oxygen', treatIv: 'IV line', treatSplint: 'Splint', treatBandage: 'Pressure bandage', treatCpr: 'CPR', treatPosition: 'Positioning',
    appTitle: 'PSC 119 Kota Solok', login: 'Sign in', logout: 'Sign out', username: 'User name', password: 'Password',
    loginFailed: 'Wrong user name or password.', serverUnreachable: 'The server cannot be reached; try again.', connected: 'Connected', reconnecting: 'Reconnecting…', disconnected: 'Disconnected',
    callQueue: 'Call queue', noCalls: 'No calls waiting.', waiting: 'waiting', answered: 'answered', answer: 'Answer',
    takenBy: 'taken by {name}', source: 'Source', device: 'Device location', accuracy: 'accuracy {m} m', withheld: 'number withheld',
    callTaking: 'Call taking', selectCall: 'Answer a call from the queue (Alt+J).', kelurahan: 'Kelurahan', chooseKelurahan: '— choose kelurahan —',
    landmark: 'Address / landmark', complaint: 'Complaint', triage: 'Triage', patients: 'Patients', emergency: 'Emergency', category: 'Category',
    trauma: 'Trauma', nonTrauma: 'Non-trauma', createIncident: 'Create incident', useDevice: 'Use device location', confirmedPoint: 'Confirmed point',
    noPoint: 'No point yet: click the map, or choose a kelurahan.', closeCall: 'Close without incident', outcome: 'Outcome',
    nonEmergencyAdvice: 'Non-emergency advice', information: 'Information', prank: 'Prank', abandoned: 'Abandoned',
    duplicateWarning: 'Possibly the same event, already active:', attach: 'Attach to incident #{id}', attachShort: 'Attach to incident', recommendation: 'Recommended units',
    assign: 'Assign', assigned: 'Assigned', incidents: 'Active incidents', units: 'Units', status: 'Status', sinceCall: 'Since call',
    unit: 'Unit', lastPosition: 'Last position', never: 'never', ago: '{t} ago', shortcuts: 'Shortcuts',
    merah: 'Red', kuning: 'Yellow', hijau: 'Green', hitam: 'Black', language: 'Bahasa Indonesia', cancel: 'Cancel', reason: 'Reason',
    closeIncident: 'Close incident', newCall: 'New call', required: 'required', saved: 'Saved',
    crewTitle: 'Ambulance crew', noAssignment: 'No assignment.', accept: 'Accept assignment', accepted: 'Accepted',
    enRoute: 'En route', onScene: 'On scene', transporting: 'Transporting', atDestination: 'At destination', handover: 'Handover',
    available: 'Available', returning: 'Returning', atStation: 'At station', destination: 'Destination', chooseDestination: '— choose facility —',
    navigate: 'Navigate', openMap: 'Open map', onDuty: 'On duty (send position)', offDuty: 'Off duty', positionSent: 'Position sent {t}',
    positionPending: 'Position not sent yet', assignmentCancelled: 'Assignment cancelled: {reason}',
    adminTitle: 'Administration', stations: 'Stations & facilities', users: 'Users', add: 'Add', save: 'Save', name: 'Name', kind: 'Kind',
    callSign: 'Call sign', plate: 'Plate', type: 'Type', homeStation: 'Home station', inService: 'In service', role: 'Role',
    disabled: 'Disabled', resetPassword: 'Reset password', noAccess: 'Your role has no access to this page.',
    pscPost: 'PSC post', hospital: 'Hospital', puskesmas: 'Puskesmas', lat: 'Latitude', lon: 'Longitude',
    reportsTitle: 'Response-time report', print: 'Print', from: 'From', to: 'To', kecamatan: 'Kecamatan', yes: 'Yes', no: 'No',
    show: 'Show', exportCsv: 'Export incidents CSV', exportKemenkesJson: 'National report (JSON)', exportKemenkesCsv: 'National report (CSV)',
    intervals: 'Intervals', callsBySource: 'Calls by source', callsByOutcome: 'Calls by outcome', incidentsByTriage: 'Incidents by triage',
    monthlyTrend: 'Monthly trend', medianByKelurahan: 'Median response by kelurahan', heatmap: 'Hour × weekday (WIB)', unitWorkload: 'Unit workload',
    definitions: 'Definitions', count: 'Count', invalid: 'Invalid', mean: 'Mean', median: 'Median', max: 'Max', busy: 'Time busy',
    incidentsTotal: 'Incidents', compliance: 'On target {triage}', noTarget: 'no target', importTitle: 'Import history (CSV)', importFile: 'CSV file',
    timeFormat: 'Time format (.NET or iso)', timeZone: 'Time zone (IANA)', preview: 'Preview', import: 'Import', ignored: '(ignore)',
    imported: 'Imported {n}, skipped {s}, rejected {r}', line: 'Line', responseTime: 'Response time', noData: 'no data',
    defPercentile: 'Percentiles: linear interpolation between closest ranks (Excel PERCENTILE.INC, numpy default).',
    defInvalid: 'An interval whose start or end is missing, or whose end precedes its start, is invalid: excluded and counted.',
    defIntervals: 'Call→answer, answer→dispatch, dispatch→en route (turnout), en route→on scene (travel), call→on scene (response), on scene→destination, dispatch→back in service (task time).',
    defCompliance: 'On target: share of incidents with a valid response time that reached the scene within their triage target (red 10 min, yellow 30 min, configurable).',
    defTime: 'Date range and hours are WIB (Asia/Jakarta); the CSV export uses UTC.',
    etaRoad: 'ETA: road network', etaStraight: 'ETA: straight line', roadsRefused: 'Road network file refused, ETAs are straight-line estimates: {error}',
    roadsRefusedKept: 'New road network file refused, the previous network stays in use: {error}',
    routeRoad: 'Route: {km} km by road, ~{min} min', routeStraight: 'Straight line {km} km, ~{min} min (no road route)',
    reasonRoad: '{km} km by road ({straight} km straight line)', reasonStraight: '{km} km straight line',
    reasonPosition: 'position {age} old', reasonStale: 'position {age} old is stale: from home station', reasonNoPosition: 'no position reported: from home station',
    reasonBehindAls: '{type} ranked behind ALS for red triage',
    errUnexpected: 'Something went wrong; try again.', dismiss: 'Dismiss',
    // console
    noIncidents: 'No active incidents.', consoleTitle: 'Operator console', resumeCall: 'Resume my call', takeOver: 'Take over', takeOverConfirm: 'Really take over?', noUnit: 'no unit yet',
    // console (issue 13)
    closePanel: 'Close panel', addUnit: 'Add a unit', radioStatus: 'Record a radio status', releaseUnit: 'Release a unit', editIncident: 'Edit incident',
    openIncident: 'Open incident', notes: 'Notes', notePlaceholder: 'Write a note…', addNote: 'Add note', noNotes: 'No notes yet.',
    waitingForUnitAgain: 'waiting for a unit again', viaRadio: 'entered by an operator from the radio', radio: 'radio', divert: 'Divert',
    divertFrom: 'divert from incident #{id} ({triage})', divertConfirm: 'Divert {unit} from incident #{id} ({triage}) to this incident? Incident #{id} waits for a unit again unless it has another.',
    divertOffer: '{unit} is committed to incident #{id}. Divert it to this incident?', divertLowerConfirm: 'This incident is less urgent than incident #{id}, which {unit} would leave. Divert anyway?',
    yesDivert: 'Yes, divert', rt_notifiedAt: 'Notified', rt_acknowledgedAt: 'Acknowledged', rt_enRouteAt: 'En route', rt_onSceneAt: 'On scene',
    rt_leftSceneAt: 'Left scene', rt_atDestinationAt: 'At destination', rt_handoverAt: 'Handover', rt_backInServiceAt: 'Back in service',
    end_completed: 'completed', end_released: 'released', end_diverted: 'diverted', end_declined: 'declined by the crew', end_cancelled: 'cancelled',
    divertedTo: 'to incident #{id}', statusAt: 'Time reported (WIB; empty = now)', recordStatus: 'Record status', chooseUnit: '— choose a unit —',
    chooseStatus: '— choose a status —', release: 'Release', saveChanges: 'Save changes', majorIncident: 'Major incident (mass casualty)', major: 'MAJOR',
    noActiveUnit: 'No unit is active on this incident.', declinedAlert: '{unit} declined incident #{id}: {reason}', ackLate: '{unit} has not acknowledged',
    patientsN: '{n} patients', unchanged: 'Nothing was changed.', notesOf: 'Notes of incident #{id}', by: 'by {name}',
    cancelIncident: 'Cancel incident', inStatus: 'In status', place: 'Place', closeList: 'Close list', noCandidates: 'No unit is available now.',
    enableSound: 'Enable sound', soundBlocked: 'The browser is holding back sound: call alarms will not be heard.',
    offlineTitle: 'Connection to the server lost.', offlineDetail: 'What you see has not been updated since {time}. Do not rely on the queue until reconnected.',
    unitState_available: 'Available', unitState_busy: 'On a job', unitState_returning: 'Returning', unitState_outOfService: 'Out of service',
    // Crew page (phone).
    crewDuty: 'On duty', crewNextSteps: 'Next steps', crewFinish: 'Finish job', crewFinishTitle: 'Finish this job?',
    crewFinishHelp: 'The unit is back in service and the assignment closes. Choose one:', crewFinishAvailable: 'Yes, available here',
    crewFinishReturning: 'Yes, returning to station', crewWaitingTitle: 'Waiting for signal: sent automatically, in order',
    crewWaiting: 'waiting for signal', crewCallBack: 'Call the caller · {n}', crewNoNumber: 'The caller\'s number is withheld.',
    crewSinceDispatch: '{t} since dispatch', crewDispatchedAt: 'Dispatched {t} by {by}',
    // crew (issue 13)
    crewDiverted: 'Diverted: left incident #{from}, now going to incident #{to}', crewReleased: 'Released from incident #{id}: {reason}',
    crewDeclined: 'Assignment to incident #{id} declined: {reason}', crewTriageChanged: 'Triage of incident #{id} changed: {from} → {to}',
    crewTapDropped: 'The step “{step}” for incident #{id} was not sent: the unit is no longer on that incident.',
    crewOtherUnits: 'Other units on this incident', crewMajor: 'Major incident',
    crewNotes: 'Incident notes', crewNoNotes: 'No notes yet.', crewNoteAdd: 'Write a note', crewNoteSend: 'Send note',
    crewNotePlaceholder: 'e.g. second patient upstairs',
    crewDecline: 'Decline assignment…', crewDeclineTitle: 'Decline this assignment?', crewDeclineHelp: 'The operator is told at once and the unit goes out of service. Choose or write the reason:',
    crewDeclineSend: 'Send decline', crewDeclinePlaceholder: 'another reason',
    crewReasonBreakdown: 'Vehicle breakdown', crewReasonNoAls: 'No ALS crew on board', crewReasonCrewShort: 'Crew incomplete',
    // Own password and second factor (login page)
    changePasswordTitle: 'Choose your own password', changePasswordHelp: 'An administrator set this password. Choose a new one: 12 to 128 characters, not a common password.',
    currentPassword: 'Current password', newPassword: 'New password', repeatPassword: 'Repeat the new password', changePassword: 'Save password',
    passwordsDiffer: 'The two new passwords differ.', totpTitle: 'Turn on two-step verification',
    totpHelp: 'Your role must use an authenticator app. Add an account in the app with the address below, then enter the 6-digit code it shows.',
    totpCode: 'Authenticator code (6 digits)', totpEnable: 'Turn on',
    accountPasswordTitle: 'Change your password', accountPasswordHelp: 'New password: 12 to 128 characters, not a common password.',
    account: 'Your account: password and two-step verification', totpOffer: 'Two-step verification asks for a code from an authenticator app at every sign-in.', totpStart: 'Turn on two-step verification', accountBack: 'Back to my page',
    // Incident search (console, Alt+F)
    search: 'Find incident', searchPlaceholder: 'Phone number or words of address/complaint', searchLabel: 'Find an incident: phone number, or words of the address or complaint',
    searchDay: 'Day of the call (WIB)', searchResults: 'Incidents found', searchMore: 'Show more', searchFound: '{n} incidents found',
    searchNone: 'No incident matches.', searchNoAddress: 'no address', searchNotActive: 'This incident is no longer active: {status}.',
    searchUnitNotified: 'Unit notified', searchClosedAt: 'Closed', searchCancelledAt: 'Cancelled',
    // Hospital availability and pre-notification (issue 15)
    facilityTitle: 'Hospital emergency desk', facilityImportFile: 'Bed data CSV (RS Online, Aplicares, or one column per kind)', facilityStatus: 'Emergency department', facilityBeds: 'Free beds', facilitySave: 'Send availability',
    facilitySaved: 'Availability sent {t}.', facilityNever: 'never reported', facilityUpdated: 'updated {age}',
    facilityIncoming: 'Patients on their way here', facilityNoIncoming: 'No patient is on the way here.',
    facilityAcknowledge: 'Acknowledge', facilityAcknowledged: 'Acknowledged {t} by {by}', facilityEta: 'Arrives in ±{eta}',
    facilityEtaStraight: 'Arrives in ±{eta} (straight line, not by road)', facilityChosen: 'Chosen {t}', facilityPatients: '{n} patient(s)',
    ageNow: 'just now', ageMinutes: '{n} min ago', ageHours: '{n} h ago', ageDays: '{n} days ago',
    availabilityNone: 'availability not reported', destinationEta: '±{eta}', destinationStraight: '±{eta} straight line',
    destinationWarn: '{name}: emergency department {status}. Choose this hospital anyway?', destinationWarnConfirm: 'Yes, go here',
    destinationWarnCancel: 'Choose another', prenotifiedAck: '{name} acknowledged {t}',
    facilityImportTitle: 'Update facilities from CSV', facilityImportPreview: 'Preview', facilityImportApply: 'Apply',
    facilityImportCreate: 'Create unknown facilities', facility: 'Facility',
    facilityImportResult: '{matched} matched, {updated} updated, {created} created, {unknown} unknown: {names}',
    // Protocol cards (issue 15, guided call taking).
    protocol: 'Protocol', protocolSearch: 'Find a card: type words of the complaint', protocolNoCards: 'No card matches.',
    protocolSample: 'SAMPLE: this card and its translation are not yet approved by the PSC medical lead. Not an official Indonesian protocol.',
    protocolApprovedBy: 'Approved by {name}.', protocolYes: 'Yes', protocolNo: 'No',
    protocolKeys: 'Answer with Y/N or the choice\'s digit; ↑↓ move between questions; Enter for the suggested triage.',
    protocolSuggested: 'Suggested triage:', protocolCurrent: 'Incident triage:', protocolApply: 'Use the suggestion', protocolChoose: 'or choose another triage:',
    protocolStepN: 'Instruction {n} of {of}', protocolNext: 'Read out, next', protocolPrev: 'Previous', protocolSources: 'Sources:',
    metronome: 'Compression metronome', metronomeStart: 'Start', metronomeStop: 'Stop', metronomeMute: 'Mute', metronomeUnmute: 'Sound on',
    metronomeRate: 'Per minute', elapsed: 'CPR time',
  },
};

// ---- Texts of the pages around the console: links between pages, reports, import, admin --------
const pageTexts = {
  id: {
    // Planning (issue 16): what-if simulation page.
    planningPeriodHelp: 'Riwayat panggilan periode ini (langsung dan impor) diputar ulang.',
    scenarioTitle: 'Skenario', scenarioHelp: 'Ubah pos, unit, jam dinas dan cara memilih unit; hasilnya dibandingkan dengan periode yang sama pada susunan hari ini.',
    scenarioStations: 'Pos', scenarioUnits: 'Unit', addStation: '+ Tambah pos', addUnit: '+ Tambah unit', newStationName: 'Pos baru {n}',
    scenarioMapHint: 'Tekan "Letakkan di peta" lalu klik peta untuk memindahkan atau meletakkan pos.', scenarioPlacing: 'Klik peta untuk meletakkan {name}.',
    latitude: 'Lintang', longitude: 'Bujur', stationName: 'Nama pos', placeOnMap: 'Letakkan di peta',
    unitTypeLabel: 'Jenis', homeStation: 'Pos asal', shiftLabel: 'Jam dinas',
    shift_all: '24 jam', shift_day: 'Siang 07.00–19.00', shift_night: 'Malam 19.00–07.00', shift_weekdayDay: 'Senin–Jumat 07.00–19.00',
    policyTitle: 'Cara memilih unit', policyRoad: 'Terdekat menurut jalan', policyStraight: 'Terdekat menurut garis lurus',
    policyAls: 'Utamakan ALS untuk merah', policyKecamatan: 'Sisakan satu unit di tiap kecamatan',
    scenarioName: 'Nama skenario', runSimulation: 'Jalankan simulasi',
    simQueued: 'Menunggu giliran…', simRunning: 'Berjalan… {pct}%', simFailed: 'Simulasi gagal: {error}', simDone: 'Selesai: {n} panggilan diputar ulang.',
    sim_queued: 'menunggu', sim_running: 'berjalan', sim_done: 'selesai', sim_failed: 'gagal', ranBy: 'Oleh', ranAt: 'Waktu',
    scenarioSummary: '{stations} perubahan pos, {units} perubahan unit; waktu tempuh: {basis}.', basisRoad: 'jaringan jalan', basisStraight: 'garis lurus (tidak ada jaringan jalan)',
    baseline: 'Hari ini', scenario: 'Skenario', versusBaseline: 'hari ini: {value}', late: 'Terlambat', lateArrivals: 'Kedatangan terlambat',
    complianceMerah: 'Kepatuhan merah', p90Merah: 'P90 merah', waitedForUnit: 'Menunggu unit', simulatedCalls: 'Panggilan diputar ulang',
    skippedNoLocation: '{n} tanpa lokasi, tidak disimulasikan', complianceShort: 'Kepatuhan', minutes: 'menit',
    resultByTriage: 'Waktu tanggap per triase', resultP90Chart: 'P90 waktu tanggap (menit)', resultUtilisation: 'Keterpakaian unit (%)',
    resultLateMap: 'Perubahan kedatangan terlambat per kelurahan', resultLateLegend: 'Hijau: lebih sedikit terlambat dari hari ini; merah: lebih banyak; abu-abu: tidak ada panggilan.',
    resultKelurahan: 'Per kelurahan', resultUnits: 'Unit: tugas dan keterpakaian', utilisationBaseline: 'Keterpakaian hari ini', utilisationScenario: 'Keterpakaian skenario',
    lateChange: 'terlambat {base} → {scenario}', pastRuns: 'Simulasi sebelumnya',
    defSimulation: 'Simulasi memutar ulang panggilan periode itu menurut waktu, triase dan lokasinya: unit dipilih menurut cara yang dipilih, waktu tempuh dari jaringan jalan (sama dengan rekomendasi), lama di lokasi, ke rumah sakit dan kembali dari riwayat insiden itu sendiri bila ada, selain itu dari sebaran periode. Unit sibuk sampai kembali ke posnya.',
    defBaseline: '"Hari ini": periode yang sama diputar ulang dengan pos, unit dan cara memilih unit (terdekat menurut jalan) saat ini.',
    defLate: 'Terlambat: panggilan bertarget (merah, kuning) yang tiba di lokasi setelah targetnya.',
    defCoverage: 'Cakupan yang diharapkan (MEXCLP): peluang ada unit bebas yang mencapai titik itu dalam target, dengan fraksi sibuk tiap unit dari riwayat.',
    pages: 'Halaman', pageConsole: 'Konsol operator', pageCrew: 'Kru ambulans', pageAdmin: 'Administrasi', pageReports: 'Laporan',
    all: 'semua', noDataRange: 'Tidak ada data untuk periode dan saringan ini.', period: 'Periode: {from} – {to}', filtersApplied: 'Saringan: {list}',
    kodePscMissing: 'Kode PSC belum diatur (pengaturan Reporting:KodePsc di server): laporan Kemenkes akan keluar tanpa kode PSC. Minta administrator server mengisinya.',
    mapLegend: 'Median waktu tanggap: hijau 0:00 → merah 30:00; abu-abu: tidak ada data.', dayHour: 'Hari / jam',
    heatCell: '{day} pukul {hour}.00: {n} insiden',
    timeFormatChoice: 'Format waktu di berkas', timeZoneChoice: 'Zona waktu di berkas', isoExample: '{example} (ISO 8601, dengan zona)',
    tzWib: 'WIB (Asia/Jakarta)', tzWita: 'WITA (Asia/Makassar)', tzWit: 'WIT (Asia/Jayapura)', tzUtc: 'UTC',
    column: 'Kolom', columnSample: 'mis.',
    willImport: 'Pratinjau: akan diimpor {n}, dilewati {s} (sudah pernah diimpor), ditolak {r}. Belum ada yang disimpan.',
    importedDone: 'Selesai: diimpor {n}, dilewati {s} (sudah pernah diimpor), ditolak {r}.',
    rejectedRows: 'Baris yang ditolak', previewRows: 'Contoh baris yang akan diimpor', chooseFile: 'Pilih berkas CSV terlebih dahulu.',
    fieldErrors: 'Belum tersimpan: periksa isian yang ditandai.',
    'reject-missing': '{field} kosong.', 'reject-too-long': '{field} terlalu panjang.',
    'reject-bad-time': '{field} „{value}” tidak cocok dengan format waktu yang dipilih.', 'reject-bad-triage': 'Triase „{value}” bukan merah, kuning, hijau atau hitam.',
    'reject-bad-position': 'Lintang/bujur „{value}” bukan posisi yang sah.', 'reject-unknown-unit': 'Unit „{value}” tidak dikenal (kode panggil atau nomor polisi); tambahkan unitnya dulu.',
    'reject-unknown-source': 'Sumber „{value}” tidak dikenal (saluran 119, NCC, aplikasi, radio, datang langsung).',
    'reject-duplicate-in-file': 'Nomor panggilan „{value}” sudah ada di baris sebelumnya.', 'reject-column-not-in-file': 'Kolom „{value}” tidak ada di berkas.',
    // Admin page: security events.
    securityEvents: 'Kejadian keamanan', securityFrom: 'Dari tanggal', securityTo: 'Sampai tanggal', securityShow: 'Tampilkan',
    securityMore: 'Lebih lama', securityNone: 'Tidak ada kejadian keamanan pada periode ini.',
    securityWhen: 'Waktu', securityKind: 'Kejadian', securityWho: 'Oleh', securityAddress: 'Alamat IP', securityWhat: 'Keterangan',
    securityUnknownUser: 'nama pengguna tidak dikenal', securityDisabledUser: 'pengguna dinonaktifkan',
    securityImportPreview: 'pratinjau: {rows} baris, akan diimpor {n}, dilewati {s}, ditolak {r}',
    securityImportDone: '{rows} baris: diimpor {n}, dilewati {s}, ditolak {r}',
    // Admin page: personal data (UU 27/2022), the access log and the log check.
    pdTitle: 'Data pribadi (UU PDP)',
    pdIntro: 'Cari semua data tentang satu nomor telepon atau satu insiden: serahkan salinannya kepada orang itu, atau hapus atas permintaannya. Setiap pencarian dan salinan tercatat.',
    pdPhone: 'Nomor telepon', pdIncident: 'Nomor insiden', pdFind: 'Cari', pdDownload: 'Unduh salinan (JSON)',
    pdSummary: 'Ditemukan {calls} panggilan dan {incidents} insiden.', pdHeld: 'data tersimpan', pdErasedAt: 'dihapus {at}', pdCall: 'panggilan {id}',
    pdReason: 'Alasan penghapusan (nomor permohonan, bukan nama orang)', pdErase: 'Hapus data pribadi',
    pdEraseConfirm: 'Hapus data pribadi {calls} panggilan dan {incidents} insiden? Nomor, alamat, keluhan dan catatan tidak dapat dipulihkan. Waktu, triase dan unit tetap untuk laporan.',
    pdErased: 'Dihapus: {calls} panggilan, {incidents} insiden, {notes} catatan, {events} peristiwa.',
    accessTitle: 'Siapa membaca data pribadi', accessUser: 'Pengguna', accessNone: 'Tidak ada catatan akses.',
    accessWhat: 'Akses', accessWhich: 'Insiden / panggilan', accessPeriod: 'Periode ekspor',
    integrityTitle: 'Keutuhan catatan', integrityCheck: 'Periksa rantai catatan',
    integrityOk: 'Utuh: {rows} baris diperiksa, semuanya cocok.',
    integrityBroken: 'TIDAK UTUH: baris {id} pada {table} tidak cocok ({rows} baris diperiksa). Lihat deploy/personal-data.md.',
    // Protocol cards (issue 15): administration and report.
    protocolsTitle: 'Kartu protokol', protocolCard: 'Kartu', protocolVersion: 'Versi', protocolChangedBy: 'Diubah oleh', protocolChangedAt: 'Waktu',
    protocolApproval: 'Persetujuan', protocolInUse: 'dipakai', protocolEdit: 'Ubah', protocolSave: 'Simpan versi baru', protocolSaved: 'Versi {version} disimpan.',
    protocolRevert: 'Pakai lagi', protocolProblems: 'Kartu yang ditolak (versi terakhir yang baik tetap dipakai):',
    approvalSample: 'contoh, perlu persetujuan', approvalApproved: 'disetujui',
    protocolReport: 'Saran triase protokol vs triase yang dipilih', protocolUses: 'Dipakai', protocolDiffering: 'Berbeda', protocolDifferingPct: '% berbeda',
    // History import as it is (issue 16): split times, value maps, saved mappings, progress, flags.
    unknown: 'Tanpa triase', importDatePart: '{field} — tanggal', importTimePart: '{field} — jam', importFlagLocation: 'Lokasi',
    importAsGeneral: '(seperti di bawah)', importSaved: 'Pemetaan tersimpan', importNoSaved: '(pilih)', importLoad: 'Muat',
    importMappingName: 'Nama pemetaan', importSave: 'Simpan pemetaan', importMappingSaved: 'Pemetaan „{name}” disimpan.',
    importUploading: 'Mengunggah…', importUploadingShare: 'Mengunggah {pct}%…',
    importProgress: 'Dibaca {rows} baris: diimpor {n}, dilewati {s}, ditandai {f}, ditolak {r}.',
    importUnknownTitle: 'Nilai yang belum dikenal', importUnknownHelp: 'Pilih arti setiap nilai, lalu jalankan pratinjau lagi. Baris tetap diimpor; nilai yang tidak dipetakan disimpan kosong dan ditandai.',
    importNotMapped: '(tidak dipetakan)', importRows: '{n} baris', importRemap: 'Terapkan dan pratinjau lagi',
    importFlagged: '{n} baris disimpan dengan data kurang atau tak terbaca (disimpan kosong): {list}.',
    importRejectedMore: 'Ditampilkan {n} dari {total} baris yang ditolak.', importMissing: 'Kurang',
    // Planning (issue 16): coverage, placement, calibration.
    pagePlanning: 'Perencanaan', planningTitle: 'Perencanaan layanan ambulans',
    coverageTitle: 'Cakupan yang diharapkan per kelurahan', coverageLegend: 'Cakupan yang diharapkan:',
    coverageSummary: 'Cakupan yang diharapkan {coverage} dalam {minutes} menit untuk {n} insiden; perkiraan terlambat {late} (dasar: {basis}).',
    coverageArea: '{name}: cakupan {coverage}, {n} insiden, perkiraan terlambat {late}', coverageStation: '{name}: {n} unit',
    basis_road: 'jalan', basis_straightLine: 'garis lurus',
    placementTitle: 'Tempat ambulans tambahan atau pos yang dipindah', placementHelp: 'Klik peta untuk menambah titik calon; tanpa titik, semua fasilitas menjadi calon.',
    placementAdd: 'Jumlah unit tambahan', placementFacilities: 'Sertakan fasilitas sebagai calon', placementRun: 'Hitung penempatan',
    candidatePoint: 'Titik {n}', remove: 'Hapus', placementBest: 'Pilihan terbaik',
    placementBaseline: 'Saat ini: cakupan {coverage}, perkiraan terlambat {late} (metode: {method}; dasar: {basis}).',
    placementEstimate: 'Perkiraan dari model cakupan (MEXCLP), bukan pemutaran ulang panggilan; simulasi memberi angka putar ulang.',
    placementAdditions: 'Unit tambahan terbaik', placementMoves: 'Pemindahan pos terbaik', placementSites: 'Lokasi', placementMove: 'Pos → lokasi baru',
    rank: 'Peringkat', expectedCoverage: 'Cakupan', gain: 'Kenaikan', expectedLate: 'Perkiraan terlambat',
    method_exact: 'tepat (semua kombinasi)', method_greedy: 'rakus + satu putaran tukar',
    calibrationTitle: 'Kalibrasi kecepatan jalan', calibrationBasis: 'Dasar', calibrationTrips: 'Perjalanan',
    calibrationRule: 'Perjalanan berangkat → tiba di lokasi dari pos asal unit: hanya bila respons unit sebelumnya (24 jam terakhir) selesai cukup lama sebelum unit dikirim.',
    calibrationUsed: '{used} dipakai dari {n} (minimal {min})', calibrationFactor: 'Faktor kecepatan', calibrationTooFew: 'perjalanan terlalu sedikit',
    calibrationMae: 'Galat absolut rata-rata', calibrationMedianRatio: 'Median teramati / perkiraan', calibrationCurrent: 'Yang berlaku',
    calibrationInForce: 'faktor {factor}, diterima oleh {by} pada {at}', calibrationConfigured: 'kecepatan sesuai pengaturan',
    calibrationTrip: 'Perjalanan', calibrationSame: 'Perkiraan = teramati', calibrationFitted: 'Hasil kalibrasi',
    calibrationPredicted: 'Perkiraan (menit)', calibrationObserved: 'Teramati (menit)',
    calibrationAccept: 'Terima kalibrasi', calibrationReset: 'Kembali ke kecepatan pengaturan',
    calibrationConfirmAccept: 'Rekomendasi unit dan semua rute akan memakai kecepatan x {factor}. Terima?',
    calibrationConfirmReset: 'Rekomendasi dan rute akan kembali memakai kecepatan pengaturan. Lanjutkan?',
  },
  en: {
    // Planning (issue 16): what-if simulation page.
    planningPeriodHelp: 'The calls of this period (live and imported) are replayed.',
    scenarioTitle: 'Scenario', scenarioHelp: 'Change stations, units, shifts and how units are chosen; the result is compared with the same period on today\'s configuration.',
    scenarioStations: 'Stations', scenarioUnits: 'Units', addStation: '+ Add station', addUnit: '+ Add unit', newStationName: 'New station {n}',
    scenarioMapHint: 'Press "Place on map" and click the map to move or place a station.', scenarioPlacing: 'Click the map to place {name}.',
    latitude: 'Latitude', longitude: 'Longitude', stationName: 'Station name', placeOnMap: 'Place on map',
    unitTypeLabel: 'Type', homeStation: 'Home station', shiftLabel: 'Shift',
    shift_all: '24 hours', shift_day: 'Day 07:00–19:00', shift_night: 'Night 19:00–07:00', shift_weekdayDay: 'Monday–Friday 07:00–19:00',
    policyTitle: 'How units are chosen', policyRoad: 'Closest by road', policyStraight: 'Closest by straight line',
    policyAls: 'Prefer ALS for merah', policyKecamatan: 'Keep one unit in each kecamatan',
    scenarioName: 'Scenario name', runSimulation: 'Run simulation',
    simQueued: 'Waiting for its turn…', simRunning: 'Running… {pct}%', simFailed: 'The simulation failed: {error}', simDone: 'Done: {n} calls replayed.',
    sim_queued: 'queued', sim_running: 'running', sim_done: 'done', sim_failed: 'failed', ranBy: 'By', ranAt: 'When',
    scenarioSummary: '{stations} station changes, {units} unit changes; travel times: {basis}.', basisRoad: 'road network', basisStraight: 'straight line (no road network)',
    baseline: 'Today', scenario: 'Scenario', versusBaseline: 'today: {value}', late: 'Late', lateArrivals: 'Late arrivals',
    complianceMerah: 'Merah compliance', p90Merah: 'Merah P90', waitedForUnit: 'Waited for a unit', simulatedCalls: 'Calls replayed',
    skippedNoLocation: '{n} without a location, not simulated', complianceShort: 'Compliance', minutes: 'minutes',
    resultByTriage: 'Response time per triage', resultP90Chart: 'P90 response time (minutes)', resultUtilisation: 'Unit utilisation (%)',
    resultLateMap: 'Change in late arrivals per kelurahan', resultLateLegend: 'Green: fewer late arrivals than today; red: more; grey: no calls.',
    resultKelurahan: 'Per kelurahan', resultUnits: 'Units: responses and utilisation', utilisationBaseline: 'Utilisation today', utilisationScenario: 'Utilisation in the scenario',
    lateChange: 'late {base} → {scenario}', pastRuns: 'Earlier simulations',
    defSimulation: 'The simulation replays the period\'s calls in time order with their triage and location: the chosen policy picks a unit, travel time comes from the road network (as the recommendation\'s), time on scene, to hospital and back from the incident\'s own history where known, else from the period\'s distribution. A unit is busy until it is back at its station.',
    defBaseline: '"Today": the same period replayed on today\'s stations, units and the default policy (closest by road).',
    defLate: 'Late: a call with a target (merah, kuning) on scene after its target.',
    defCoverage: 'Expected coverage (MEXCLP): the chance that a free unit reaches the point within the target, with each unit\'s busy fraction from history.',
    pages: 'Pages', pageConsole: 'Operator console', pageCrew: 'Ambulance crew', pageAdmin: 'Administration', pageReports: 'Reports',
    all: 'all', noDataRange: 'No data for this period and these filters.', period: 'Period: {from} – {to}', filtersApplied: 'Filters: {list}',
    kodePscMissing: 'The PSC code is not set (setting Reporting:KodePsc on the server): the national report will carry no PSC code. Ask the server administrator to set it.',
    mapLegend: 'Median response time: green 0:00 → red 30:00; grey: no data.', dayHour: 'Day / hour',
    heatCell: '{day} at {hour}:00: {n} incidents',
    timeFormatChoice: 'Time format in the file', timeZoneChoice: 'Time zone in the file', isoExample: '{example} (ISO 8601, with zone)',
    tzWib: 'WIB (Asia/Jakarta)', tzWita: 'WITA (Asia/Makassar)', tzWit: 'WIT (Asia/Jayapura)', tzUtc: 'UTC',
    column: 'Column', columnSample: 'e.g.',
    willImport: 'Preview: {n} would be imported, {s} skipped (imported before), {r} rejected. Nothing is saved yet.',
    importedDone: 'Done: {n} imported, {s} skipped (imported before), {r} rejected.',
    rejectedRows: 'Rejected rows', previewRows: 'Sample of the rows to import', chooseFile: 'Choose a CSV file first.',
    fieldErrors: 'Not saved: check the marked fields.',
    'reject-missing': '{field} is empty.', 'reject-too-long': '{field} is too long.',
    'reject-bad-time': '{field} “{value}” does not match the chosen time format.', 'reject-bad-triage': 'Triage “{value}” is not red, yellow, green or black.',
    'reject-bad-position': 'Latitude/longitude “{value}” is not a valid position.', 'reject-unknown-unit': 'Unit “{value}” is unknown (call sign or plate); add the unit first.',
    'reject-unknown-source': 'Source “{value}” is unknown (119 line, NCC, app, radio, walk-in).',
    'reject-duplicate-in-file': 'Call number “{value}” appears on an earlier line.', 'reject-column-not-in-file': 'Column “{value}” is not in the file.',
    // Admin page: security events.
    securityEvents: 'Security events', securityFrom: 'From', securityTo: 'To', securityShow: 'Show',
    securityMore: 'Older', securityNone: 'No security events in this period.',
    securityWhen: 'Time', securityKind: 'Event', securityWho: 'By', securityAddress: 'IP address', securityWhat: 'Details',
    securityUnknownUser: 'unknown user name', securityDisabledUser: 'user disabled',
    securityImportPreview: 'preview: {rows} rows, {n} would be imported, {s} skipped, {r} rejected',
    securityImportDone: '{rows} rows: {n} imported, {s} skipped, {r} rejected',
    // Admin page: personal data (UU 27/2022), the access log and the log check.
    pdTitle: 'Personal data (PDP law)',
    pdIntro: 'Find everything held about one phone number or one incident: hand the person a copy, or erase it at their request. Every search and copy is recorded.',
    pdPhone: 'Phone number', pdIncident: 'Incident number', pdFind: 'Find', pdDownload: 'Download copy (JSON)',
    pdSummary: 'Found {calls} calls and {incidents} incidents.', pdHeld: 'data held', pdErasedAt: 'erased {at}', pdCall: 'call {id}',
    pdReason: 'Reason for erasure (request reference, not the person\'s name)', pdErase: 'Erase personal data',
    pdEraseConfirm: 'Erase the personal data of {calls} calls and {incidents} incidents? Numbers, addresses, complaints and notes cannot be restored. Times, triage and units stay for reports.',
    pdErased: 'Erased: {calls} calls, {incidents} incidents, {notes} notes, {events} events.',
    accessTitle: 'Who read personal data', accessUser: 'User', accessNone: 'No access records.',
    accessWhat: 'Access', accessWhich: 'Incident / call', accessPeriod: 'Export period',
    integrityTitle: 'Log integrity', integrityCheck: 'Check the log chains',
    integrityOk: 'Intact: {rows} rows checked, all match.',
    integrityBroken: 'NOT INTACT: row {id} of {table} does not match ({rows} rows checked). See deploy/personal-data.md.',
    // Protocol cards (issue 15): administration and report.
    protocolsTitle: 'Protocol cards', protocolCard: 'Card', protocolVersion: 'Version', protocolChangedBy: 'Changed by', protocolChangedAt: 'When',
    protocolApproval: 'Approval', protocolInUse: 'in use', protocolEdit: 'Edit', protocolSave: 'Save as a new version', protocolSaved: 'Version {version} saved.',
    protocolRevert: 'Use again', protocolProblems: 'Cards refused (the last good version stays in use):',
    approvalSample: 'sample, needs approval', approvalApproved: 'approved',
    protocolReport: 'Protocol triage suggestion vs chosen triage', protocolUses: 'Uses', protocolDiffering: 'Differing', protocolDifferingPct: '% differing',
    // History import as it is (issue 16): split times, value maps, saved mappings, progress, flags.
    unknown: 'No triage', importDatePart: '{field} — date', importTimePart: '{field} — time', importFlagLocation: 'Location',
    importAsGeneral: '(as below)', importSaved: 'Saved mapping', importNoSaved: '(choose)', importLoad: 'Load',
    importMappingName: 'Mapping name', importSave: 'Save mapping', importMappingSaved: 'Mapping “{name}” saved.',
    importUploading: 'Uploading…', importUploadingShare: 'Uploading {pct}%…',
    importProgress: 'Read {rows} rows: {n} imported, {s} skipped, {f} flagged, {r} rejected.',
    importUnknownTitle: 'Values not yet known', importUnknownHelp: 'Choose what each value means, then run the preview again. Rows are imported anyway; an unmapped value is stored empty and flagged.',
    importNotMapped: '(not mapped)', importRows: '{n} rows', importRemap: 'Apply and preview again',
    importFlagged: '{n} rows kept with missing or unreadable data (stored empty): {list}.',
    importRejectedMore: 'Showing {n} of {total} rejected rows.', importMissing: 'Missing',
    // Planning (issue 16): coverage, placement, calibration.
    pagePlanning: 'Planning', planningTitle: 'Ambulance service planning',
    coverageTitle: 'Expected coverage per kelurahan', coverageLegend: 'Expected coverage:',
    coverageSummary: 'Expected coverage {coverage} within {minutes} minutes for {n} incidents; expected late {late} (basis: {basis}).',
    coverageArea: '{name}: coverage {coverage}, {n} incidents, expected late {late}', coverageStation: '{name}: {n} units',
    basis_road: 'road', basis_straightLine: 'straight line',
    placementTitle: 'Where to add an ambulance or move a station', placementHelp: 'Click the map to add candidate points; without points, every facility is a candidate.',
    placementAdd: 'Units to add', placementFacilities: 'Include the facilities as candidates', placementRun: 'Compute placement',
    candidatePoint: 'Point {n}', remove: 'Remove', placementBest: 'Best option',
    placementBaseline: 'Today: coverage {coverage}, expected late {late} (method: {method}; basis: {basis}).',
    placementEstimate: 'An estimate from the coverage model (MEXCLP), not a replay of the calls; the simulation gives the replayed figure.',
    placementAdditions: 'Best added units', placementMoves: 'Best station moves', placementSites: 'Sites', placementMove: 'Station → new site',
    rank: 'Rank', expectedCoverage: 'Coverage', gain: 'Gain', expectedLate: 'Expected late',
    method_exact: 'exact (every combination)', method_greedy: 'greedy + one swap round',
    calibrationTitle: 'Road speed calibration', calibrationBasis: 'Basis', calibrationTrips: 'Trips',
    calibrationRule: 'Trips en route → on scene from the unit\'s home station: only when the unit\'s earlier responses (last 24 hours) ended well before it was sent.',
    calibrationUsed: '{used} used of {n} (at least {min})', calibrationFactor: 'Speed factor', calibrationTooFew: 'too few trips',
    calibrationMae: 'Mean absolute error', calibrationMedianRatio: 'Median observed / predicted', calibrationCurrent: 'In force',
    calibrationInForce: 'factor {factor}, accepted by {by} at {at}', calibrationConfigured: 'the configured speeds',
    calibrationTrip: 'Trip', calibrationSame: 'Predicted = observed', calibrationFitted: 'Calibrated',
    calibrationPredicted: 'Predicted (minutes)', calibrationObserved: 'Observed (minutes)',
    calibrationAccept: 'Accept calibration', calibrationReset: 'Return to the configured speeds',
    calibrationConfirmAccept: 'The unit recommendation and every route will use speeds x {factor}. Accept?',
    calibrationConfirmReset: 'The recommendation and routes will use the configured speeds again. Continue?',
  },
};

// Unit and incident statuses as people read them.
const statuses = {
  id: {
    availableAtStation: 'Siaga di pos', availableOnRoad: 'Siaga di jalan', assigned: 'Ditugaskan', enRoute: 'Menuju lokasi',
    onScene: 'Di lokasi', transporting: 'Membawa pasien', atDestination: 'Di tujuan', returning: 'Kembali ke pos',
    outOfService: 'Tidak beroperasi', pending: 'Menunggu unit', dispatched: 'Unit dikirim', acknowledged: 'Diterima kru',
    handover: 'Serah terima', cleared: 'Unit siaga kembali', closed: 'Selesai', cancelled: 'Dibatalkan',
    // console (issue 13)
    ended: 'Berakhir',
  },
  en: {
    availableAtStation: 'Available at station', availableOnRoad: 'Available on the road', assigned: 'Assigned', enRoute: 'En route',
    onScene: 'On scene', transporting: 'Transporting', atDestination: 'At destination', returning: 'Returning',
    outOfService: 'Out of service', pending: 'Waiting for a unit', dispatched: 'Unit notified', acknowledged: 'Acknowledged',
    handover: 'Handover', cleared: 'Unit back in service', closed: 'Closed', cancelled: 'Cancelled',
    // console (issue 13)
    ended: 'Ended',
  },
};

// ProblemDetails codes (the server's stable `code`) and HTTP statuses, as people read them.
const problems = {
  id: {
    'illegal-transition': 'Langkah ini tidak berlaku pada status saat ini.', 'call-taken': 'Panggilan ini sudah ditangani operator lain.',
    'call-not-answered': 'Panggilan belum dijawab; jawab dulu.', 'unit-busy': 'Unit ini sedang bertugas atau tidak tersedia.',
    'time-out-of-order': 'Waktu yang diberikan mendahului langkah sebelumnya.', 'incident-inactive': 'Insiden ini sudah tidak aktif.',
    'invalid-location': 'Lokasi bukan lintang/bujur yang sah.', 'invalid-patient-count': 'Jumlah pasien harus 0 sampai 1000.',
    'destination-required': 'Membawa pasien memerlukan fasilitas tujuan.', 'reason-required': 'Alasan wajib diisi.',
    'invalid-outcome': 'Hasil ini tidak dapat dipilih di sini.', 'invalid-position': 'Posisi bukan lintang/bujur yang sah.',
    'no-assignment': 'Unit ini tidak sedang bertugas pada insiden.', concurrency: 'Data diubah orang lain; muat ulang lalu coba lagi.',
    'not-found': 'Data tidak ditemukan.', 'bad-request': 'Permintaan tidak valid.', 'database-unavailable': 'Basis data sedang tidak tersedia; coba lagi sebentar.',
    FromOffRoad: 'Titik awal terlalu jauh dari jalan.', ToOffRoad: 'Titik tujuan terlalu jauh dari jalan.', Unreachable: 'Tidak ada jalan yang menghubungkan kedua titik.',
    status400: 'Isian tidak valid.', status401: 'Sesi berakhir; silakan masuk lagi.', status403: 'Peran Anda tidak diizinkan melakukan ini.',
    status404: 'Data tidak ditemukan.', status409: 'Ditolak: data sudah berubah.', status413: 'Berkas atau isian terlalu besar.',
    status415: 'Format kiriman tidak didukung.', status422: 'Ditolak: isian tidak dapat diproses.', status429: 'Terlalu banyak percobaan; tunggu sebentar.',
    status500: 'Terjadi kesalahan di server.', status503: 'Server sedang sibuk atau tidak tersedia; coba lagi sebentar.',
    validation: 'Periksa isian: {fields}.',
    'takeover-too-soon': 'Panggilan ini baru saja dijawab; belum dapat diambil alih.', 'call-taken-over': 'Panggilan Anda diambil alih oleh operator lain.',
    'assignment-changed': 'Penugasan sudah berubah; langkah ini tidak dikirim.',
    antiforgery: 'Sesi halaman kedaluwarsa; muat ulang halaman lalu coba lagi.', 'sign-in-throttled': 'Terlalu banyak percobaan masuk yang gagal; tunggu sebentar.',
    'wrong-credentials': 'Nama pengguna atau kata sandi salah.', 'own-unit-only': 'Kru hanya dapat bertindak untuk unitnya sendiri.',
    'json-required': 'Kiriman harus berformat JSON.', 'payload-too-large': 'Berkas atau isian terlalu besar.',
    'no-road-network': 'Jaringan jalan belum dimuat; waktu tempuh memakai garis lurus.',
    'text-too-long': 'Teks terlalu panjang untuk disimpan.',
    // console (issue 13)
    'unit-committed': 'Unit ini sedang bertugas pada insiden lain; alihkan bila perlu.', 'unit-already-assigned': 'Unit ini sudah ditugaskan pada insiden ini.',
    'divert-lower-priority': 'Insiden tujuan kurang mendesak daripada insiden yang ditinggalkan unit: pengalihan perlu dikonfirmasi.',
    'divert-not-allowed': 'Unit ini tidak dapat dialihkan lagi (sudah di lokasi).', 'response-ended': 'Penugasan unit ini sudah berakhir.',
    // Sign-in, own password, second factor, administrators
    'sign-in-busy': 'Terlalu banyak yang masuk bersamaan; coba lagi sebentar lagi.', 'password-change-required': 'Buat kata sandi Anda sendiri dahulu.',
    'wrong-current-password': 'Kata sandi sekarang salah.', 'totp-required': 'Masukkan kode dari aplikasi autentikator.',
    'wrong-totp-code': 'Kode autentikator salah; pakai kode terbaru.', 'totp-enrolment-required': 'Aktifkan verifikasi dua langkah dahulu.',
    'totp-mandatory': 'Peran Anda wajib memakai verifikasi dua langkah.', 'last-admin': 'Ini administrator aktif terakhir: tidak dapat dinonaktifkan atau diganti perannya.',
    // crew (issue 13)
    'decline-too-late': 'Penugasan yang sudah diterima tidak dapat ditolak lagi; hubungi operator.',
    'no-signal': 'Tidak ada sinyal: belum terkirim; coba lagi.', 'note-required': 'Tulis catatannya dahulu.',
    // patients (issue 15)
    'handover-time-required': 'Nama penerima memerlukan waktu serah terima.', 'patient-id-taken': 'Nomor pasien ini sudah dipakai pada insiden lain.',
    'observation-id-taken': 'Nomor observasi ini sudah dipakai untuk pasien lain.', 'unknown-destination': 'Fasilitas tujuan tidak dikenal (pilih rumah sakit atau puskesmas).',
    'incident-erased': 'Data pribadi insiden ini sudah dihapus; data pasien tidak dapat dicatat lagi.',
    // personal data (issue 14)
    'incident-active': 'Insiden ini masih aktif: data pribadinya belum dapat dihapus.',
    'call-active': 'Panggilan ini belum ditutup: data pribadinya belum dapat dihapus.',
    // planning (issue 16)
    'calibration-too-few': 'Perjalanan dengan titik awal yang diketahui terlalu sedikit pada periode ini untuk kalibrasi.',
    // hospital availability (issue 15)
    'own-facility-only': 'Rumah sakit hanya dapat bertindak untuk fasilitasnya sendiri.',
    'invalid-availability': 'Laporan ketersediaan tidak valid.',
    'import-failed': 'Impor berhenti; baris dari kelompok yang sudah selesai tersimpan, dan impor ulang berkas yang sama melewatinya.',
  },
  en: {
    'illegal-transition': 'This step does not apply in the current status.', 'call-taken': 'Another operator is handling this call.',
    'call-not-answered': 'The call is not answered; answer it first.', 'unit-busy': 'This unit is busy or not available.',
    'time-out-of-order': 'The time given precedes an earlier step.', 'incident-inactive': 'This incident is no longer active.',
    'invalid-location': 'The location is not a valid latitude/longitude.', 'invalid-patient-count': 'Patient count must be between 0 and 1000.',
    'destination-required': 'Transporting needs a destination facility.', 'reason-required': 'A reason is required.',
    'invalid-outcome': 'This outcome cannot be chosen here.', 'invalid-position': 'The position is not a valid latitude/longitude.',
    'no-assignment': 'This unit is not on an incident.', concurrency: 'Someone else changed this; reload and try again.',
    'not-found': 'Not found.', 'bad-request': 'The request is not valid.', 'database-unavailable': 'The database is unavailable; try again shortly.',
    FromOffRoad: 'The start is too far from any road.', ToOffRoad: 'The destination is too far from any road.', Unreachable: 'No drivable road connects the two points.',
    status400: 'Some input is not valid.', status401: 'Your session ended; sign in again.', status403: 'Your role may not do this.',
    status404: 'Not found.', status409: 'Refused: the data has changed.', status413: 'The file or input is too large.',
    status415: 'This format is not supported.', status422: 'Refused: the input cannot be processed.', status429: 'Too many attempts; wait a moment.',
    status500: 'The server had an error.', status503: 'The server is busy or unavailable; try again shortly.',
    validation: 'Check: {fields}.',
    'takeover-too-soon': 'This call was answered only just now; it cannot be taken over yet.', 'call-taken-over': 'Another operator took over your call.',
    'assignment-changed': 'The assignment has changed; this step was not sent.',
    antiforgery: 'The page session expired; reload the page and try again.', 'sign-in-throttled': 'Too many failed sign-ins; wait a moment.',
    'wrong-credentials': 'Wrong user name or password.', 'own-unit-only': 'A crew may act on its own unit only.',
    'json-required': 'The request must be JSON.', 'payload-too-large': 'The file or input is too large.',
    'no-road-network': 'No road network is loaded; travel times are straight-line estimates.',
    'text-too-long': 'A text is too long to be stored.',
    // console (issue 13)
    'unit-committed': 'This unit is committed to another incident; divert it if needed.', 'unit-already-assigned': 'This unit is already on this incident.',
    'divert-lower-priority': 'The target incident is less urgent than the one the unit leaves: the diversion needs confirming.',
    'divert-not-allowed': 'This unit can no longer be diverted (already on scene).', 'response-ended': 'This unit\'s response has already ended.',
    // Sign-in, own password, second factor, administrators
    'sign-in-busy': 'Too many sign-ins at once; try again in a moment.', 'password-change-required': 'Choose your own password first.',
    'wrong-current-password': 'The current password is wrong.', 'totp-required': 'Enter the code from your authenticator app.',
    'wrong-totp-code': 'The authenticator code is wrong; use the newest code.', 'totp-enrolment-required': 'Turn on two-step verification first.',
    'totp-mandatory': 'Your role must use two-step verification.', 'last-admin': 'This is the last active administrator: it cannot be disabled or given another role.',
    // crew (issue 13)
    'decline-too-late': 'An accepted assignment can no longer be declined; call the operator.',
    'no-signal': 'No signal: not sent; try again.', 'note-required': 'Write the note first.',
    // patients (issue 15)
    'handover-time-required': 'The receiving staff name needs the handover time.', 'patient-id-taken': 'This patient id is already used on another incident.',
    'observation-id-taken': 'This observation id is already used for another patient.', 'unknown-destination': 'Unknown destination (choose a hospital or puskesmas).',
    'incident-erased': 'The personal data of this incident was erased; patient data can no longer be recorded.',
    // personal data (issue 14)
    'incident-active': 'This incident is still active: its personal data cannot be erased yet.',
    'call-active': 'This call is not closed yet: its personal data cannot be erased yet.',
    // planning (issue 16)
    'calibration-too-few': 'Too few trips with a known start in this period to calibrate.',
    // hospital availability (issue 15)
    'own-facility-only': 'A hospital may act on its own facility only.',
    'invalid-availability': 'The availability report is not valid.',
    'import-failed': 'The import stopped; rows of completed batches are stored, and importing the same file again skips them.',
  },
};

// ---- Server codes as people read them -------------------------------------------------------
// The server keeps stable codes (CallSource, CallFlags, CallOutcome, roles, UnitType, StationKind,
// ResponseIntervals, import fields, request fields); every page shows them through these tables.
const codes = {
  id: {
    source: { line119: 'Saluran 119', ncc: 'NCC 119', app: 'Aplikasi', radio: 'Radio', walkin: 'Datang langsung' },
    flag: {
      numberWithheld: 'nomor disembunyikan', numberUnparseable: 'nomor tidak terbaca', locationOutOfRange: 'lokasi di luar jangkauan',
      accuracyInvalid: 'akurasi lokasi tidak sah', locationIncomplete: 'lokasi tidak lengkap', locationInvalid: 'lokasi tidak terbaca',
      sourceUnknown: 'sumber tidak dikenal (dianggap saluran 119)', receivedAtAssumedWib: 'waktu tanpa zona (dianggap WIB)',
      receivedAtInFuture: 'waktu terima di masa depan',
      numberTruncated: 'nomor terlalu panjang (hanya awalnya disimpan)', externalIdShortened: 'ID panggilan terlalu panjang (dipendekkan)',
    },
    outcome: {
      incident: 'Insiden dibuat', attached: 'Digabung ke insiden', nonEmergencyAdvice: 'Saran non-darurat', information: 'Informasi',
      prank: 'Iseng', abandoned: 'Terputus/ditinggal', '': 'Belum selesai',
    },
    callStatus: { waiting: 'Menunggu', answered: 'Dijawab', closed: 'Selesai' },
    role: { operator: 'Operator', crew: 'Kru ambulans', healthoffice: 'Dinas Kesehatan', admin: 'Administrator', facility: 'IGD rumah sakit' },
    unitType: { als: 'ALS (bantuan hidup lanjut)', bls: 'BLS (bantuan hidup dasar)', transport: 'Angkut pasien' },
    stationKind: { pscPost: 'Pos PSC', hospital: 'Rumah sakit', puskesmas: 'Puskesmas' },
    // issue 15: emergency department status and bed kinds
    edStatus: { open: 'buka', busy: 'sibuk', full: 'penuh', diverting: 'alihkan pasien' },
    bedKind: { igd: 'IGD', icu: 'ICU', picu: 'PICU (anak)', nicu: 'NICU (bayi baru lahir)', isolation: 'Isolasi', maternity: 'Kebidanan', operatingTheatre: 'Kamar operasi' },
    category: { trauma: 'Trauma', nonTrauma: 'Non-trauma' },
    interval: {
      callToAnswer: 'Panggilan → dijawab', answerToDispatch: 'Dijawab → unit dikirim', dispatchToEnRoute: 'Unit dikirim → berangkat',
      enRouteToOnScene: 'Berangkat → tiba', callToOnScene: 'Waktu tanggap (panggilan → tiba)', onSceneToDestination: 'Tiba → di tujuan',
      dispatchToBackInService: 'Waktu tugas (dikirim → siaga kembali)',
    },
    intervalDef: {
      callToAnswer: 'Dari panggilan diterima sistem sampai operator menjawab.',
      answerToDispatch: 'Dari panggilan dijawab sampai unit pertama diberi tugas.',
      dispatchToEnRoute: 'Waktu persiapan: dari unit diberi tugas sampai berangkat.',
      enRouteToOnScene: 'Waktu tempuh: dari unit berangkat sampai tiba di lokasi.',
      callToOnScene: 'Waktu tanggap: dari panggilan diterima sampai unit tiba di lokasi.',
      onSceneToDestination: 'Dari tiba di lokasi sampai tiba di fasilitas tujuan.',
      dispatchToBackInService: 'Waktu tugas: dari unit diberi tugas sampai siaga kembali.',
    },
    weekday: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
    weekdayShort: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
    importField: {
      externalId: 'Nomor panggilan (ID sumber)', callReceived: 'Waktu panggilan diterima', callAnswered: 'Waktu panggilan dijawab',
      incidentCreated: 'Waktu insiden dibuat', unitNotified: 'Waktu unit diberi tugas', unitAcknowledged: 'Waktu kru menerima tugas',
      enRoute: 'Waktu berangkat', onScene: 'Waktu tiba di lokasi', leftScene: 'Waktu meninggalkan lokasi', atDestination: 'Waktu tiba di tujuan',
      handover: 'Waktu serah terima', backInService: 'Waktu siaga kembali', closed: 'Waktu insiden ditutup', triage: 'Triase',
      lat: 'Lintang', lon: 'Bujur', unit: 'Unit (kode panggil)', complaint: 'Keluhan', category: 'Kategori (trauma/non-trauma)', source: 'Sumber panggilan',
    },
    // Request fields named in validation problems (the keys of ProblemDetails `errors`).
    // Security events (admin page), by kind.
    accessAction: {
      'incident.read': 'Membuka insiden', 'incident.log.read': 'Membaca log insiden', 'incident.notes.read': 'Membaca catatan insiden',
      'incident.search': 'Hasil pencarian', 'call.read': 'Membuka panggilan', 'export.incidents': 'Ekspor CSV insiden',
      'export.responses': 'Ekspor CSV respons', 'export.national': 'Ekspor laporan nasional', 'personal-data.export': 'Salinan data pribadi',
    },
    securityKind: {
      'sign-in': 'Masuk', 'sign-in-failed': 'Gagal masuk', 'sign-in-throttled': 'Masuk ditahan (terlalu banyak gagal)', 'sign-out': 'Keluar',
      'telephony-key-refused': 'Kunci telepon salah', forbidden: 'Akses ditolak', 'session-ended': 'Sesi diakhiri oleh perubahan admin',
      'password-reset': 'Sandi diatur ulang oleh admin', 'password-changed': 'Sandi diganti sendiri', export: 'Ekspor data', import: 'Impor data',
      'admin-change': 'Perubahan administrasi', 'totp-enabled': 'Verifikasi dua langkah diaktifkan', 'totp-disabled': 'Verifikasi dua langkah dimatikan',
      // issue 16: what-if simulation
      'planning-simulation': 'Simulasi perencanaan',
    },
    field: {
      externalId: 'ID panggilan', receivedAt: 'Waktu panggilan', triage: 'Triase', patientCount: 'Jumlah pasien', lat: 'Lokasi', lon: 'Lokasi',
      kelurahan: 'Kelurahan', reason: 'Alasan', unitId: 'Unit', incidentId: 'Insiden', outcome: 'Hasil', status: 'Status',
      from: 'Tanggal awal', to: 'Tanggal akhir', unit: 'Unit', source: 'Sumber', emergency: 'Gawat darurat', kecamatan: 'Kecamatan',
      format: 'Format', file: 'Berkas CSV', mapping: 'Pemetaan kolom', 'mapping.columns': 'Pemetaan kolom', 'mapping.timeZone': 'Zona waktu',
      callSign: 'Kode panggil', plate: 'Nomor polisi', type: 'Tipe', name: 'Nama', kind: 'Jenis', role: 'Peran', username: 'Nama pengguna',
      password: 'Sandi', displayName: 'Nama', $: 'Isi permintaan',
      address: 'Alamat/patokan', complaint: 'Keluhan',
      // console (issue 13)
      text: 'Catatan', at: 'Waktu dilaporkan', destinationId: 'Tujuan', location: 'Lokasi', version: 'Versi',
      currentPassword: 'Kata sandi sekarang', newPassword: 'Kata sandi baru', code: 'Kode autentikator', totpCode: 'Kode autentikator',
    },
    // What is wrong with a field, when the server refuses it (validation problems).
    fieldProblem: {
      externalId: 'ID panggilan wajib diisi.', receivedAt: 'Waktu panggilan wajib diisi dalam format ISO-8601.',
      triage: 'Pilih triase: merah, kuning, hijau atau hitam.', patientCount: 'Jumlah pasien harus 0 sampai 1000.',
      lat: 'Lokasi wajib: lintang −90..90 dan bujur −180..180, atau pilih kelurahan.', lon: 'Bujur harus −180..180.',
      kelurahan: 'Kelurahan ini bukan kelurahan Kota Solok.', reason: 'Alasan wajib diisi (paling panjang 1000 huruf).',
      unitId: 'Pilih unit (pengguna kru memerlukan unit).', incidentId: 'Pilih insiden.', outcome: 'Pilih hasil panggilan.', status: 'Pilih status.',
      // Incident search
      phone: 'Isi nomor telepon yang sah, kata alamat/keluhan, atau tanggal.', q: 'Paling banyak 5 kata (200 huruf).', page: 'Halaman tidak valid.',
      from: 'Tanggal awal wajib diisi (tanggal yang sah).', to: 'Tanggal akhir wajib diisi dan tidak boleh sebelum tanggal awal (paling lama 3700 hari).',
      unit: 'Pilih unit dari daftar.', source: 'Pilih sumber dari daftar.', emergency: 'Pilih ya atau tidak.', format: 'Format harus CSV atau JSON.',
      file: 'Pilih berkas CSV.', mapping: 'Pemetaan kolom tidak dapat dibaca.',
      'mapping.columns': 'Petakan kolom: nomor panggilan dan waktu panggilan diterima wajib dipetakan.', 'mapping.timeZone': 'Zona waktu tidak dikenal.',
      callSign: 'Kode panggil wajib diisi (paling panjang 50 huruf).', plate: 'Nomor polisi wajib diisi (paling panjang 50 huruf).',
      type: 'Pilih tipe unit.', name: 'Nama wajib diisi (paling panjang 200 huruf).', kind: 'Pilih jenis fasilitas.',
      role: 'Pilih peran.', username: 'Nama pengguna wajib diisi (paling panjang 100 huruf).', password: 'Sandi 12 sampai 128 karakter dan bukan sandi umum.',
      displayName: 'Nama paling panjang 200 huruf.', $: 'Isi permintaan tidak dapat dibaca.',
      address: 'Alamat/patokan paling panjang 2000 huruf.', complaint: 'Keluhan paling panjang 4000 huruf.',
      // console (issue 13)
      text: 'Catatan wajib diisi.', at: 'Waktu dilaporkan tidak boleh di masa depan.', location: 'Lokasi: lintang −90..90 dan bujur −180..180.',
      limit: 'Jumlah per halaman 1 sampai 1000.', before: 'Halaman berikutnya tidak valid; tampilkan ulang.',
      currentPassword: 'Kata sandi sekarang wajib diisi.', newPassword: 'Kata sandi baru 12 sampai 128 karakter, bukan sandi umum, dan berbeda dari yang sekarang.',
      code: 'Masukkan kode 6 angka.', totpCode: 'Masukkan kode 6 angka.',
    },
    fieldInvalid: '{field} tidak valid.',
  },
  en: {
    source: { line119: '119 line', ncc: 'NCC 119', app: 'App', radio: 'Radio', walkin: 'Walk-in' },
    flag: {
      numberWithheld: 'number withheld', numberUnparseable: 'number unreadable', locationOutOfRange: 'location out of range',
      accuracyInvalid: 'location accuracy invalid', locationIncomplete: 'location incomplete', locationInvalid: 'location unreadable',
      sourceUnknown: 'unknown source (taken as the 119 line)', receivedAtAssumedWib: 'time without zone (WIB assumed)',
      receivedAtInFuture: 'receive time in the future',
      numberTruncated: 'number too long (only its beginning kept)', externalIdShortened: 'call ID too long (shortened)',
    },
    outcome: {
      incident: 'Incident created', attached: 'Attached to incident', nonEmergencyAdvice: 'Non-emergency advice', information: 'Information',
      prank: 'Prank', abandoned: 'Abandoned', '': 'Not finished',
    },
    callStatus: { waiting: 'Waiting', answered: 'Answered', closed: 'Closed' },
    role: { operator: 'Operator', crew: 'Ambulance crew', healthoffice: 'Health office', admin: 'Administrator', facility: 'Hospital emergency desk' },
    unitType: { als: 'ALS (advanced life support)', bls: 'BLS (basic life support)', transport: 'Patient transport' },
    stationKind: { pscPost: 'PSC post', hospital: 'Hospital', puskesmas: 'Puskesmas' },
    // issue 15: emergency department status and bed kinds
    edStatus: { open: 'open', busy: 'busy', full: 'full', diverting: 'diverting' },
    bedKind: { igd: 'Emergency (IGD)', icu: 'ICU', picu: 'PICU (children)', nicu: 'NICU (newborns)', isolation: 'Isolation', maternity: 'Maternity', operatingTheatre: 'Operating theatre' },
    category: { trauma: 'Trauma', nonTrauma: 'Non-trauma' },
    interval: {
      callToAnswer: 'Call → answer', answerToDispatch: 'Answer → dispatch', dispatchToEnRoute: 'Dispatch → en route (turnout)',
      enRouteToOnScene: 'En route → on scene (travel)', callToOnScene: 'Response time (call → on scene)', onSceneToDestination: 'On scene → destination',
      dispatchToBackInService: 'Task time (dispatch → back in service)',
    },
    intervalDef: {
      callToAnswer: 'From the call reaching the system to an operator answering it.',
      answerToDispatch: 'From the answer to the first unit being notified.',
      dispatchToEnRoute: 'Turnout: from the unit being notified to leaving.',
      enRouteToOnScene: 'Travel: from leaving to arriving on scene.',
      callToOnScene: 'Response time: from the call reaching the system to the unit arriving on scene.',
      onSceneToDestination: 'From arriving on scene to arriving at the destination facility.',
      dispatchToBackInService: 'Task time: from the unit being notified to being back in service.',
    },
    weekday: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    weekdayShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    importField: {
      externalId: 'Call number (source ID)', callReceived: 'Time the call was received', callAnswered: 'Time the call was answered',
      incidentCreated: 'Time the incident was created', unitNotified: 'Time the unit was notified', unitAcknowledged: 'Time the crew accepted',
      enRoute: 'Time en route', onScene: 'Time on scene', leftScene: 'Time leaving the scene', atDestination: 'Time at destination',
      handover: 'Time of handover', backInService: 'Time back in service', closed: 'Time the incident was closed', triage: 'Triage',
      lat: 'Latitude', lon: 'Longitude', unit: 'Unit (call sign)', complaint: 'Complaint', category: 'Category (trauma/non-trauma)', source: 'Call source',
    },
    // Security events (admin page), by kind.
    accessAction: {
      'incident.read': 'Opened the incident', 'incident.log.read': 'Read the incident log', 'incident.notes.read': 'Read the incident notes',
      'incident.search': 'Search result', 'call.read': 'Opened the call', 'export.incidents': 'Incidents CSV export',
      'export.responses': 'Responses CSV export', 'export.national': 'National report export', 'personal-data.export': 'Personal data copy',
    },
    securityKind: {
      'sign-in': 'Signed in', 'sign-in-failed': 'Sign-in failed', 'sign-in-throttled': 'Sign-in held back (too many failures)', 'sign-out': 'Signed out',
      'telephony-key-refused': 'Wrong telephony key', forbidden: 'Access refused', 'session-ended': 'Session ended by an admin change',
      'password-reset': 'Password reset by an admin', 'password-changed': 'Password changed by the user', export: 'Data export', import: 'Data import',
      'admin-change': 'Administration change', 'totp-enabled': 'Two-step verification turned on', 'totp-disabled': 'Two-step verification turned off',
      // issue 16: what-if simulation
      'planning-simulation': 'Planning simulation',
    },
    field: {
      externalId: 'Call ID', receivedAt: 'Call time', triage: 'Triage', patientCount: 'Patients', lat: 'Location', lon: 'Location',
      kelurahan: 'Kelurahan', reason: 'Reason', unitId: 'Unit', incidentId: 'Incident', outcome: 'Outcome', status: 'Status',
      from: 'From date', to: 'To date', unit: 'Unit', source: 'Source', emergency: 'Emergency', kecamatan: 'Kecamatan',
      format: 'Format', file: 'CSV file', mapping: 'Column mapping', 'mapping.columns': 'Column mapping', 'mapping.timeZone': 'Time zone',
      callSign: 'Call sign', plate: 'Plate', type: 'Type', name: 'Name', kind: 'Kind', role: 'Role', username: 'User name',
      password: 'Password', displayName: 'Name', $: 'Request body',
      address: 'Address/landmark', complaint: 'Complaint',
      // console (issue 13)
      text: 'Note', at: 'Time reported', destinationId: 'Destination', location: 'Location', version: 'Version',
      currentPassword: 'Current password', newPassword: 'New password', code: 'Authenticator code', totpCode: 'Authenticator code',
    },
    fieldProblem: {
      externalId: 'A call ID is required.', receivedAt: 'The call time is required, in ISO-8601.',
      triage: 'Choose a triage: red, yellow, green or black.', patientCount: 'Patients must be between 0 and 1000.',
      lat: 'A location is required: latitude −90..90 and longitude −180..180, or a kelurahan.', lon: 'Longitude must be −180..180.',
      kelurahan: 'This is not a kelurahan of Kota Solok.', reason: 'A reason is required (at most 1000 characters).',
      unitId: 'Choose a unit (a crew user needs one).', incidentId: 'Choose an incident.', outcome: 'Choose an outcome.', status: 'Choose a status.',
      // Incident search
      phone: 'Give a valid phone number, words of the address/complaint, or a day.', q: 'At most 5 words (200 characters).', page: 'The page is not valid.',
      from: 'A valid start date is required.', to: 'A valid end date is required, not before the start (at most 3700 days).',
      unit: 'Choose a unit from the list.', source: 'Choose a source from the list.', emergency: 'Choose yes or no.', format: 'The format is CSV or JSON.',
      file: 'Choose a CSV file.', mapping: 'The column mapping cannot be read.',
      'mapping.columns': 'Map the columns: the call number and the time the call was received must be mapped.', 'mapping.timeZone': 'Unknown time zone.',
      callSign: 'A call sign is required (at most 50 characters).', plate: 'A plate is required (at most 50 characters).',
      type: 'Choose a unit type.', name: 'A name is required (at most 200 characters).', kind: 'Choose a kind of facility.',
      role: 'Choose a role.', username: 'A user name is required (at most 100 characters).', password: 'The password needs 12 to 128 characters and must not be a common one.',
      displayName: 'The name has at most 200 characters.', $: 'The request body cannot be read.',
      address: 'The address/landmark has at most 2000 characters.', complaint: 'The complaint has at most 4000 characters.',
      // console (issue 13)
      text: 'A note needs a text.', at: 'The time reported cannot be in the future.', location: 'Location: latitude −90..90 and longitude −180..180.',
      limit: 'Between 1 and 1000 per page.', before: 'The next page is not valid; show the list again.',
      currentPassword: 'The current password is required.', newPassword: 'The new password needs 12 to 128 characters, not a common one, and differs from the current one.',
      code: 'Enter the 6-digit code.', totpCode: 'Enter the 6-digit code.',
    },
    fieldInvalid: '{field} is not valid.',
  },
};

const code = (table, value) => (value === null || value === undefined ? '' : codes[lang][table][value] ?? codes.id[table][value] ?? String(value));

/** A call source (line119, ncc, app, radio, walkin). */
export const sourceText = value => code('source', value);
/** A call flag (numberWithheld, locationOutOfRange, ...). */
export const flagText = value => code('flag', value);
/** Several call flags, joined for reading. */
export const flagsText = values => (values ?? []).map(flagText).join(', ');
/** A call outcome (incident, attached, nonEmergencyAdvice, information, prank, abandoned). */
export const outcomeText = value => code('outcome', value ?? '');
/** A call's queue status (waiting, answered, closed). */
export const callStatusText = value => code('callStatus', value);
/** A user role (operator, crew, healthoffice, admin). */
export const roleText = value => code('role', value);
/** A unit type (als, bls, transport). */
export const unitTypeText = value => code('unitType', value);
/** A station kind (pscPost, hospital, puskesmas). */
export const stationKindText = value => code('stationKind', value);

export const edStatusText = value => code('edStatus', value);

export const bedKindText = value => code('bedKind', value);
/** An incident category (trauma, nonTrauma). */
export const categoryText = value => code('category', value);
/** A response interval's name (callToAnswer, ..., dispatchToBackInService). */
export const intervalText = value => code('interval', value);
/** A security event's kind (sign-in, forbidden, admin-change, ...). */
export const securityKindText = value => code('securityKind', value);
/** What an access record says was read (incident.read, export.national, ...). */
export const accessActionText = value => code('accessAction', value);
/** A response interval's definition, for a tooltip. */
export const intervalDefinition = value => code('intervalDef', value);
/** A weekday by number, 0 = Sunday (as the server's heat map counts); short for table heads. */
export const weekdayText = (day, short = false) => codes[lang][short ? 'weekdayShort' : 'weekday'][day] ?? String(day);
/** A target field of the history import (callReceived, onScene, ...), in words. */
export const importFieldText = value => code('importField', value);
/** What is wrong with a request field the server refused, in the page's language. */
export const fieldProblemText = field => codes[lang].fieldProblem[field] ?? codes[lang].fieldInvalid.replace('{field}', fieldText(field));

export let lang = localStorage.getItem('psc119.lang') === 'en' ? 'en' : 'id';

export function t(key, vars = {}) {
  const text = texts[lang][key] ?? pageTexts[lang][key] ?? texts.id[key] ?? pageTexts.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export const statusText = status => statuses[lang][status] ?? status;

/** A request field as people read it (the label of the form field when there is one). */
export const fieldText = field => codes[lang].field[field] ?? texts[lang][field] ?? field;

/**
 * A refusal in the page's language: the ProblemDetails `code` when the page knows it, else what
 * is wrong with each field of a validation problem, else the HTTP status. The server's English
 * sentence is shown only on the English page, and only when no translation is known.
 */
export function problemText(status, problem) {
  const table = problems[lang];
  if (problem?.code && table[problem.code]) return table[problem.code];
  if (problem?.errors) {
    // What is wrong with each field, from our own table (the server's sentences are English and name raw fields).
    return [...new Set(Object.keys(problem.errors).map(fieldProblemText))].join(' ');
  }
  if (lang === 'en' && problem?.detail) return problem.detail;
  return table[`status${status}`] ?? (lang === 'en' ? `The action failed (HTTP ${status}).` : `Tindakan gagal (HTTP ${status}).`);
}

/** Fills every element carrying data-i18n (text) or data-i18n-placeholder, and a title carrying data-i18n-title. */
export function applyI18n(root = document) {
  document.documentElement.lang = lang;
  const title = /** @type {HTMLElement | null} */ (document.querySelector('title[data-i18n-title]'));
  if (title) document.title = `PSC 119 · ${t(title.dataset.i18nTitle)}`;
  /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n]')).forEach(e => { e.textContent = t(e.dataset.i18n); });
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('[data-i18n-placeholder]')).forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
}

export function toggleLanguage() {
  lang = lang === 'id' ? 'en' : 'id';
  localStorage.setItem('psc119.lang', lang);
  location.reload();
}
