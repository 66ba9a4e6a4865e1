import { ConcreteHyperlink, type IContext, type IXmlableObject, type ParagraphChild } from 'docx'

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink'

// Relationship ids already added, per relationships part, so formatting twice adds each once.
const added = new WeakMap<object, Set<string>>()

/**
 * An external link whose relationship id is given, not random: docx's ExternalHyperlink draws a
 * fresh id on every write, which would make the same document differ from run to run.
 */
export class StableHyperlink extends ConcreteHyperlink {
  readonly #target: string

  constructor(children: readonly ParagraphChild[], id: string, target: string) {
    super(children, id)
    this.#target = target
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const relationships = context.viewWrapper.Relationships
    const ids = added.get(relationships) ?? new Set<string>()
    added.set(relationships, ids)
    if (!ids.has(this.linkId)) {
      ids.add(this.linkId)
      relationships.addRelationship(this.linkId, HYPERLINK, this.#target, 'External')
    }
    return super.prepForXml(context)
  }
}
