/** The report page (report.html): `renderReport(dataset, quality)` gives its text. */
export { renderReport, REPORT_LIBRARIES } from './render.ts';
export { buildReportModel, REPORT_LIMITS, type ReportModel } from './model.ts';
