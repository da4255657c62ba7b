namespace Dispatch.Core.Patients;

/// <summary>Sex as recorded by the crew; <see cref="Unknown"/> when it cannot be told or was not asked.</summary>
public enum Sex { Male, Female, Unknown }

/// <summary>
/// Age group, for a patient whose age in years is not known. The bounds follow Indonesian law,
/// not clinical thresholds: a child is under 18 (UU 35/2014 Perlindungan Anak, Pasal 1), an
/// elderly person 60 or older (UU 13/1998 Kesejahteraan Lanjut Usia, Pasal 1); an infant is under
/// one year (the usual statistical "bayi", 0-11 months).
/// </summary>
public enum AgeGroup { Infant, Child, Adult, Elderly }

/// <summary>How the crew's care of a patient ended.</summary>
public enum PatientOutcome { TreatedOnScene, Transported, Refused, Died }

public static class AgeGroups
{
    /// <summary>The group of an age in whole years (see <see cref="AgeGroup"/> for the bounds).</summary>
    public static AgeGroup Of(int years) => years switch
    {
        < 1 => AgeGroup.Infant,
        < 18 => AgeGroup.Child,
        < 60 => AgeGroup.Adult,
        _ => AgeGroup.Elderly,
    };
}
