import ShenbaoCore

/// Excel's serial dates (ECMA-376 Part 1 §18.17.4, "Dates and times"): a date is stored as the
/// number of days since an epoch, the time of day as the fraction.
///
/// The 1900 system (the default) counts 1900-01-01 as day 1 and, to match Lotus 1-2-3, also
/// counts the day 1900-02-29 that never was (serial 60): serials from 61 on are one more than
/// the true count from 1899-12-31, serials below 60 are exact. The 1904 system
/// (`workbookPr date1904="1"`, old Mac workbooks) counts 1904-01-01 as day 0.
public enum ExcelDate {
    /// What a serial names: a real date, or Lotus's 1900-02-29.
    public enum Day: Sendable, Hashable {
        case date(CivilDate)
        /// Serial 60 of the 1900 system.
        case fictitious19000229
    }

    /// The day of a serial (its fraction, the time of day, is dropped); nil when negative or past 9999-12-31.
    public static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int
        if date1904 {
            days = daysFromCivil(1904, 1, 1) + whole
        } else {
            if whole == 60 { return .fictitious19000229 }
            guard whole >= 1 else { return nil }
            days = daysFromCivil(1899, 12, 31) + whole - (whole > 60 ? 1 : 0)
        }
        let (y, m, d) = civil(fromDays: days)
        return CivilDate(year: y, month: m, day: d).map(Day.date)
    }

    /// The 1900-system serial of `date`, as a workbook stores it.
    public static func serial(of date: CivilDate) -> Int {
        let whole = daysFromCivil(date.year, date.month, date.day) - daysFromCivil(1899, 12, 31)
        return whole >= 60 ? whole + 1 : whole
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `daysFromCivil`.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
