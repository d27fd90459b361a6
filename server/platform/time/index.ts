// Dates, Korean time and the Korean calendar: what every module needs to count days.
export { addDays, daysBetween, isIsoDate, isWeekend, weekdayOf } from './dates.ts';
export {
  type HolidayOptions,
  HolidayTableRangeError,
  holidayName,
  holidayNames,
  holidaysOf,
  holidayTableYears,
  isHoliday,
  isInHolidayTable,
  type KoreanHoliday,
} from './korean-holidays.ts';
export { dateInSeoul, startOfDayInSeoul, todayInSeoul } from './seoul.ts';
export {
  addWorkingDays,
  fullWorkingDaysBetween,
  isWorkingDay,
  nextWorkingDayFrom,
  workingDaysBetween,
} from './working-days.ts';
