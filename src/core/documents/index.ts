export {
  COLUMN_TYPES,
  type CellValue,
  type ColumnType,
  type DataTable,
  type TableColumn,
} from './data-table.js'
