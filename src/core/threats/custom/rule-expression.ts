import jsep from 'jsep'

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
  readonly tree: jsep.Expression
  /** Top-level names the expression reads, for checking them against the facts that exist. */
  readonly names: readonly string[]
}

export const parseRuleExpression = (text: string): Result<RuleExpression, ExpressionError> => {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return err({
      message: `the condition is longer than ${String(MAX_EXPRESSION_LENGTH)} characters`,
    })
  }
  let tree: jsep.Expression
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

type Node = jsep.Expression
type Checker = (node: Node, names: Set<string>) => string | undefined

const firstProblem = (nodes: readonly (Node | null)[], names: Set<string>): string | undefined =>
  nodes
    .filter((child): child is Node => child !== null)
    .map((child) => check(child, names))
    .find((problem) => problem !== undefined)

const nameOf = (node: Node): string =>
  node.type === 'Identifier' ? (node as jsep.Identifier).name : ''

const checkMatches = (node: jsep.BinaryExpression): string | undefined => {
  const pattern = node.right
  if (pattern.type !== 'Literal' || typeof (pattern as jsep.Literal).value !== 'string') {
    return "'matches' takes a quoted regular expression on its right"
  }
  const source = (pattern as jsep.Literal).value as string
  try {
    new RegExp(source, 'i')
    return undefined
  } catch {
    return `'${source}' is not a valid regular expression`
  }
}

/** Rejects what the language does not have, so evaluation never meets a surprise. */
const CHECKERS: Readonly<Record<string, Checker>> = {
  Literal: () => undefined,
  Identifier: (node, names) => {
    const name = nameOf(node)
    if (FORBIDDEN_NAMES.has(name)) return `'${name}' is not allowed`
    names.add(name)
    return undefined
  },
  MemberExpression: (node, names) => {
    const member = node as jsep.MemberExpression
    if (member.computed) return 'use a.b, not a[b]'
    const name = nameOf(member.property)
    if (FORBIDDEN_NAMES.has(name)) return `'${name}' is not allowed`
    return check(member.object, names)
  },
  BinaryExpression: (node, names) => {
    const binary = node as jsep.BinaryExpression
    return (
      (binary.operator === 'matches' ? checkMatches(binary) : undefined) ??
      firstProblem([binary.left, binary.right], names)
    )
  },
  UnaryExpression: (node, names) => check((node as jsep.UnaryExpression).argument, names),
  ArrayExpression: (node, names) => firstProblem((node as jsep.ArrayExpression).elements, names),
  CallExpression: (node, names) => {
    const call = node as jsep.CallExpression
    if (!(FUNCTIONS as readonly string[]).includes(nameOf(call.callee))) {
      return `unknown function; the functions are ${FUNCTIONS.join(', ')}`
    }
    return firstProblem(call.arguments, names)
  },
}

const check = (node: Node, names: Set<string>): string | undefined =>
  CHECKERS[node.type]?.(node, names) ??
  (CHECKERS[node.type] === undefined
    ? `'${node.type}' is not part of the condition language`
    : undefined)

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

type Evaluator = (node: Node, facts: Facts) => unknown

const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  Literal: (node) => (node as jsep.Literal).value,
  Identifier: (node, facts) => own(facts, nameOf(node)),
  MemberExpression: (node, facts) => {
    const member = node as jsep.MemberExpression
    return own(evaluate(member.object, facts), nameOf(member.property))
  },
  ArrayExpression: (node, facts) =>
    (node as jsep.ArrayExpression).elements.map((child) =>
      child === null ? null : evaluate(child, facts),
    ),
  UnaryExpression: (node, facts) =>
    !truthy(evaluate((node as jsep.UnaryExpression).argument, facts)),
  CallExpression: (node, facts) => {
    const call = node as jsep.CallExpression
    const argument =
      call.arguments[0] === undefined ? undefined : evaluate(call.arguments[0], facts)
    if (nameOf(call.callee) === 'count') {
      return Array.isArray(argument) || typeof argument === 'string' ? argument.length : 0
    }
    return typeof argument === 'string' ? argument.toLowerCase() : argument
  },
  BinaryExpression: (node, facts) => {
    const { operator, left, right } = node as jsep.BinaryExpression
    if (operator === 'and' || operator === '&&')
      return truthy(evaluate(left, facts)) && truthy(evaluate(right, facts))
    if (operator === 'or' || operator === '||')
      return truthy(evaluate(left, facts)) || truthy(evaluate(right, facts))
    return BINARY[operator]?.(evaluate(left, facts), evaluate(right, facts)) ?? false
  },
}

const evaluate = (node: Node, facts: Facts): unknown => EVALUATORS[node.type]?.(node, facts)

export const truthy = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== undefined && value !== null && value !== false && value !== 0 && value !== ''
