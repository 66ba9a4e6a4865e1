import { Type } from '@sinclair/typebox'

import { DocumentsJobData } from '../services/jobs/documents-job-data.js'
import { DateQuery } from './product-schemas.js'

const { kind, formats, language } = DocumentsJobData.properties

export const GenerateBody = Type.Object(
  {
    kind,
    formats,
    language,
    release: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Default: the latest release' }),
    ),
    date: Type.Optional(DateQuery),
  },
  { additionalProperties: false },
)

export const DocumentItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  release: Type.Union([Type.String(), Type.Null()]),
  name: Type.String({ description: "File name in the deliverable's folder" }),
  mediaType: Type.String(),
  sha256: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
  modelRevision: Type.Integer({ description: 'The model revision the file was generated from' }),
  createdAt: Type.String(),
  createdBy: Type.String(),
})
