export { loadModelFromFiles, memoryFileReader, MODEL_ROOT_FILE } from './model-files.js'
export { loadProductModel } from './product-model.js'
export type { ProductModel } from './product-model.js'
