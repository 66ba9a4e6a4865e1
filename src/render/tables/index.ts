export { tableCsv } from './table-csv.js'
export { tableXlsx } from './table-xlsx.js'
