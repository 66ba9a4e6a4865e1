import { useMessages } from '../../i18n/messages.js'
import { parseSubject } from './awaiting.js'
import { messages } from './messages.js'

/** A signature subject in words: the risk register, or a release, threat or document by id. */
export const useSubjectLabel = (): ((subject: string) => string) => {
  const t = useMessages(messages)
  return (subject) => {
    const { kind, id } = parseSubject(subject)
    switch (kind) {
      case 'register':
        return t.subject_register
      case 'release':
        return t.subjectRelease(id)
      case 'threat':
        return t.subjectThreat(id)
      case 'document':
        return t.subjectDocument(id)
      case 'other':
        return id
    }
  }
}
