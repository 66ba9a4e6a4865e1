import jsep, { type Expression } from 'jsep'

import { err, ok, type Result } from '../../result.js'

/**
 * The condition language of custom threat rules: comparisons, `and`/`or`/`not`, `in`,
 * `contains`, `matches`, lists, member access and two functions (`count`, `lower`). jsep parses
 * it into a tree and we evaluate the tree ourselves, so a rule file can never run code: there is
 * no eval, no property of a prototype is reachable, and evaluation time is bounded by the size of
 * the expression.
 */
jsep.addBinaryOp('or', 1)
jsep.addBinaryOp('and', 2)
jsep.addBinaryOp('in', 7)
jsep.addBinaryOp('contains', 7)
jsep.addBinaryOp('matches', 7)
jsep.addUnaryOp('not')
for (const op of ['|', '^', '&', '<<', '>>', '>>>', '+', '-', '*', '/', '%'])
  jsep.removeBinaryOp(op)
for (const op of ['-', '+', '~']) jsep.removeUnaryOp(op)
jsep.removeLiteral('this')

const MAX_EXPRESSION_LENGTH = 2_000
const FUNCTIONS = ['count', 'lower'] as const
const FORBIDDEN_NAMES = new Set(['__proto__', 'prototype', 'constructor'])

export interface ExpressionError {
  readonly message: string
}

export interface RuleExpression {
  readonly text: string
  readonly tree: Expression
  /** Top-level names the expression reads, for checking them against the facts that exist. */
  readonly names: readonly string[]
}

export const parseRuleExpression = (text: string): Result<RuleExpression, ExpressionError> => {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return err({
      message: `the condition is longer than ${String(MAX_EXPRESSION_LENGTH)} characters`,
    })
  }
  let tree: Expression
  try {
    tree = jsep(text)
  } catch (error) {
    return err({
      message: `the condition does not parse: ${error instanceof Error ? error.message : String(error)}`,
    })
  }
  const names = new Set<string>()
  const problem = check(tree, names)
  return problem === undefined
    ? ok({ text, tree, names: [...names].sort() })
    : err({ message: problem })
}

/** Rejects what the language does not have, so evaluation never meets a surprise. */
const check = (node: Expression, names: Set<string>): string | undefined => {
  switch (node.type) {
    case 'Literal':
      return undefined
    case 'Identifier':
      if (FORBIDDEN_NAMES.has(String(node['name'])))
        return `'${String(node['name'])}' is not allowed`
      names.add(String(node['name']))
      return undefined
    case 'MemberExpression': {
      const property = node['property'] as Expression
      if (node['computed'] === true) return 'use a.b, not a[b]'
      if (FORBIDDEN_NAMES.has(String(property['name'])))
        return `'${String(property['name'])}' is not allowed`
      return check(node['object'] as Expression, names)
    }
    case 'BinaryExpression':
      if (node['operator'] === 'matches') {
        const pattern = node['right'] as Expression
        if (pattern.type !== 'Literal' || typeof pattern['value'] !== 'string') {
          return "'matches' takes a quoted regular expression on its right"
        }
        try {
          new RegExp(pattern['value'], 'i')
        } catch {
          return `'${pattern['value']}' is not a valid regular expression`
        }
      }
      return [node['left'], node['right']]
        .filter((child): child is Expression => child !== undefined)
        .map((child) => check(child, names))
        .find((problem) => problem !== undefined)
    case 'UnaryExpression':
      return [node['argument']]
        .filter((child): child is Expression => child !== undefined)
        .map((child) => check(child, names))
        .find((problem) => problem !== undefined)
    case 'ArrayExpression':
      return (node['elements'] as Expression[])
        .map((child) => check(child, names))
        .find((p) => p !== undefined)
    case 'CallExpression': {
      const callee = node['callee'] as Expression
      const name = String(callee['name'])
      if (callee.type !== 'Identifier' || !(FUNCTIONS as readonly string[]).includes(name)) {
        return `unknown function; the functions are ${FUNCTIONS.join(', ')}`
      }
      return (node['arguments'] as Expression[])
        .map((child) => check(child, names))
        .find((p) => p !== undefined)
    }
    default:
      return `'${node.type}' is not part of the condition language`
  }
}

type Facts = Readonly<Record<string, unknown>>

const own = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null)

const includes = (container: unknown, item: unknown): boolean =>
  Array.isArray(container)
    ? container.some((entry) => same(entry, item))
    : typeof container === 'string' &&
      typeof item === 'string' &&
      container.toLowerCase().includes(item.toLowerCase())

const order = (
  a: unknown,
  b: unknown,
  test: (x: number | string, y: number | string) => boolean,
): boolean =>
  (typeof a === 'number' && typeof b === 'number') ||
  (typeof a === 'string' && typeof b === 'string')
    ? test(a, b)
    : false

const BINARY: Readonly<Record<string, (a: unknown, b: unknown) => unknown>> = {
  '==': same,
  '!=': (a, b) => !same(a, b),
  '<': (a, b) => order(a, b, (x, y) => x < y),
  '<=': (a, b) => order(a, b, (x, y) => x <= y),
  '>': (a, b) => order(a, b, (x, y) => x > y),
  '>=': (a, b) => order(a, b, (x, y) => x >= y),
  in: (a, b) => includes(b, a),
  contains: (a, b) => includes(a, b),
  matches: (a, b) => typeof a === 'string' && typeof b === 'string' && new RegExp(b, 'i').test(a),
}

/** Evaluates a parsed condition against the facts of one subject. Never throws on any facts. */
export const evaluateRuleExpression = (expression: RuleExpression, facts: Facts): unknown =>
  evaluate(expression.tree, facts)

const evaluate = (node: Expression, facts: Facts): unknown => {
  switch (node.type) {
    case 'Literal':
      return node['value']
    case 'Identifier':
      return own(facts, String(node['name']))
    case 'MemberExpression':
      return own(
        evaluate(node['object'] as Expression, facts),
        String((node['property'] as Expression)['name']),
      )
    case 'ArrayExpression':
      return (node['elements'] as Expression[]).map((child) => evaluate(child, facts))
    case 'UnaryExpression':
      return !truthy(evaluate(node['argument'] as Expression, facts))
    case 'CallExpression': {
      const [argument] = (node['arguments'] as Expression[]).map((child) => evaluate(child, facts))
      if ((node['callee'] as Expression)['name'] === 'count') {
        return Array.isArray(argument)
          ? argument.length
          : typeof argument === 'string'
            ? argument.length
            : 0
      }
      return typeof argument === 'string' ? argument.toLowerCase() : argument
    }
    case 'BinaryExpression': {
      const operator = String(node['operator'])
      const left = (): unknown => evaluate(node['left'] as Expression, facts)
      const right = (): unknown => evaluate(node['right'] as Expression, facts)
      if (operator === 'and' || operator === '&&') return truthy(left()) && truthy(right())
      if (operator === 'or' || operator === '||') return truthy(left()) || truthy(right())
      return BINARY[operator]?.(left(), right()) ?? false
    }
    default:
      return undefined
  }
}

export const truthy = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== undefined && value !== null && value !== false && value !== 0 && value !== ''
