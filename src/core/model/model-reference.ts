import { modelJsonSchema } from './model-document-schema.js'

interface SchemaNode {
  readonly type?: string
  readonly description?: string
  readonly enum?: readonly string[]
  readonly const?: string
  readonly pattern?: string
  readonly format?: string
  readonly items?: SchemaNode
  readonly properties?: Readonly<Record<string, SchemaNode>>
  readonly required?: readonly string[]
}

/**
 * The field reference of the model format as Markdown tables, generated from the schema so it
 * cannot drift from what `validate` accepts (docs/model-reference.md is checked against it).
 */
export const modelReferenceMarkdown = (): string => {
  const root = modelJsonSchema() as SchemaNode
  const sections: string[] = [
    '# medcyber/v1 model reference',
    '',
    'Generated from the schema by `medcyber schema --format markdown`; do not edit by hand.',
    'See `docs/model-format.md` for how the parts fit together.',
  ]
  const queue: [string, SchemaNode][] = [['(file)', root]]
  while (queue.length > 0) {
    const [title, node] = queue.shift() as [string, SchemaNode]
    sections.push('', `## ${title}`, '')
    if (node.description !== undefined) sections.push(node.description, '')
    sections.push('| field | type | required | description |', '|---|---|---|---|')
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const required = node.required?.includes(name) === true ? 'yes' : ''
      sections.push(
        `| \`${name}\` | ${typeText(child)} | ${required} | ${cell(child.description ?? '')} |`,
      )
      const object = child.type === 'array' ? child.items : child
      if (object?.properties !== undefined) {
        queue.push([title === '(file)' ? name : `${title}.${name}`, object])
      }
    }
  }
  return `${sections.join('\n')}\n`
}

const typeText = (node: SchemaNode): string => {
  if (node.const !== undefined) return `\`"${node.const}"\``
  if (node.enum !== undefined) return node.enum.map((value) => `\`${value}\``).join(', ')
  if (node.type === 'array')
    return `list of ${node.items === undefined ? 'values' : typeText(node.items)}`
  if (node.format === 'date') return 'date (YYYY-MM-DD)'
  if (node.type === 'object') return 'mapping'
  return node.type ?? 'any'
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
