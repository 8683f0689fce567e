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
            days = CivilDate.dayNumber(year: 1904, month: 1, day: 1) + whole
        } else {
            if whole == 60 { return .fictitious19000229 }
            guard whole >= 1 else { return nil }
            days = CivilDate.dayNumber(year: 1899, month: 12, day: 31) + whole - (whole > 60 ? 1 : 0)
        }
        let (y, m, d) = CivilDate.civil(dayNumber: days)
        return CivilDate(year: y, month: m, day: d).map(Day.date)
    }

    /// The 1900-system serial of `date`, as a workbook stores it.
    public static func serial(of date: CivilDate) -> Int {
        let whole = CivilDate.dayNumber(year: date.year, month: date.month, day: date.day) - CivilDate.dayNumber(year: 1899, month: 12, day: 31)
        return whole >= 60 ? whole + 1 : whole
    }
}
