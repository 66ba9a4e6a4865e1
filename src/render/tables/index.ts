export { tableCsv } from './table-csv.js'
export { fitRowHeights, fitSheetToPageWidth, tableXlsx } from './table-xlsx.js'
