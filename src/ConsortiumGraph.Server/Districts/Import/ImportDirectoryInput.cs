using System.ComponentModel;
using ConsortiumGraph.Graph;

namespace ConsortiumGraph.Districts.Import;

[Description("The NCES Common Core of Data files to import, as uploads (CSV, UTF-8, comma- or tab-separated, with the files' own column names).")]
public sealed class ImportDirectoryInput
{
    [Description("The CCD LEA directory file (ccd_lea_029: LEAID, LEA_NAME, ST, and SY_STATUS where given).")]
    public required UploadedFile Lea { get; init; }
    [Description("The CCD school directory file (ccd_sch_029: NCESSCH, SCH_NAME, LEAID).")]
    public UploadedFile? Schools { get; init; }
    [Description("A CCD membership file for enrollment (ccd_sch_052 or ccd_lea_052: LEAID, STUDENT_COUNT, TOTAL_INDICATOR, and NCESSCH for schools): the Education Unit Total rows count.")]
    public UploadedFile? Membership { get; init; }
    [Description("The EDGE public LEA geocode file for locale and location (EDGE_GEOCODE_PUBLICLEA: LEAID, LOCALE, LAT, LON).")]
    public UploadedFile? Geocodes { get; init; }
}
