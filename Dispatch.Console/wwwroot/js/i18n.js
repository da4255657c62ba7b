// Bahasa Indonesia by default, English selectable; the choice is kept in localStorage.
const texts = {
  id: {
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
    disabled: 'Nonaktif', resetPassword: 'Atur ulang sandi', newPassword: 'Sandi baru', noAccess: 'Peran Anda tidak memiliki akses ke halaman ini.',
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
    resumeCall: 'Lanjutkan panggilan saya', takeOver: 'Ambil alih', takeOverConfirm: 'Yakin ambil alih?', noUnit: 'belum ada unit',
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
  },
  en: {
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
    disabled: 'Disabled', resetPassword: 'Reset password', newPassword: 'New password', noAccess: 'Your role has no access to this page.',
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
    resumeCall: 'Resume my call', takeOver: 'Take over', takeOverConfirm: 'Really take over?', noUnit: 'no unit yet',
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
  },
};

// Unit and incident statuses as people read them.
const statuses = {
  id: {
    availableAtStation: 'Siaga di pos', availableOnRoad: 'Siaga di jalan', assigned: 'Ditugaskan', enRoute: 'Menuju lokasi',
    onScene: 'Di lokasi', transporting: 'Membawa pasien', atDestination: 'Di tujuan', returning: 'Kembali ke pos',
    outOfService: 'Tidak beroperasi', pending: 'Menunggu unit', dispatched: 'Unit dikirim', acknowledged: 'Diterima kru',
    handover: 'Serah terima', cleared: 'Unit siaga kembali', closed: 'Selesai', cancelled: 'Dibatalkan',
  },
  en: {
    availableAtStation: 'Available at station', availableOnRoad: 'Available on the road', assigned: 'Assigned', enRoute: 'En route',
    onScene: 'On scene', transporting: 'Transporting', atDestination: 'At destination', returning: 'Returning',
    outOfService: 'Out of service', pending: 'Waiting for a unit', dispatched: 'Unit notified', acknowledged: 'Acknowledged',
    handover: 'Handover', cleared: 'Unit back in service', closed: 'Closed', cancelled: 'Cancelled',
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
  },
};

export let lang = localStorage.getItem('psc119.lang') === 'en' ? 'en' : 'id';

export function t(key, vars = {}) {
  const text = texts[lang][key] ?? texts.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export const statusText = status => statuses[lang][status] ?? status;

/** A request field as people read it (the label of the form field when there is one). */
export const fieldText = field => texts[lang][field] ?? texts[lang][`field_${field}`] ?? field;

/**
 * A refusal in the page's language: the ProblemDetails `code` when the page knows it, else the
 * fields of a validation problem by their labels, else the HTTP status. The server's English
 * sentence is shown only on the English page, and only when no translation is known.
 */
export function problemText(status, problem) {
  const table = problems[lang];
  if (problem?.code && table[problem.code]) return table[problem.code];
  if (problem?.errors) {
    const fields = Object.keys(problem.errors).map(fieldText).join(', ');
    return lang === 'en' ? Object.values(problem.errors).flat().join(' ') : table.validation.replace('{fields}', fields);
  }
  if (lang === 'en' && problem?.detail) return problem.detail;
  return table[`status${status}`] ?? (lang === 'en' ? `The action failed (HTTP ${status}).` : `Tindakan gagal (HTTP ${status}).`);
}

/** Fills every element carrying data-i18n (text) or data-i18n-placeholder. */
export function applyI18n(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
}

export function toggleLanguage() {
  lang = lang === 'id' ? 'en' : 'id';
  localStorage.setItem('psc119.lang', lang);
  location.reload();
}
