import { useLocale } from './locale.js'

/** A message is text, or a function of its values that gives text. */
type Message = string | ((...values: never[]) => string)

export type MessageSet = Readonly<Record<string, Message>>

/** The same keys, each text any text and each function the same function type. */
type Translation<M extends MessageSet> = {
  readonly [K in keyof M]: M[K] extends string ? string : M[K]
}

export interface Catalogue<M extends MessageSet> {
  readonly en: M
  readonly ja: Translation<M>
}

/**
 * One screen's texts in every language. The Japanese set must name every English key with the
 * same form, so a screen cannot ship with a missing translation: the compiler refuses it.
 */
export const defineMessages = <M extends MessageSet>(
  catalogue: Catalogue<M>,
): Catalogue<Translation<M>> => catalogue as Catalogue<Translation<M>>

/** The texts of the user's language. */
export const useMessages = <M extends MessageSet>(catalogue: Catalogue<M>): M => {
  const { locale } = useLocale()
  return locale === 'ja' ? (catalogue.ja as M) : catalogue.en
}
