// The two message files: the same keys, no empty text, functions of the same arity that say something.
import { describe, expect, it } from 'vitest'
import { strings } from './strings'
import { en } from './strings-en'

type Flat = Map<string, unknown>

// Sections, and groups inside them (notes.styles, notes.formats), down to their texts: `notes.styles.apa`.
function flatten(messages: object, prefix = '', flat: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'object' && value !== null) flatten(value as object, `${prefix}${key}.`, flat)
    else flat.set(`${prefix}${key}`, value)
  }
  return flat
}

// One argument fits every message: a number to Intl (valueOf), text in a template (toString), a list to join.
const SAMPLE = Object.assign(['7'], { valueOf: () => 7 })

function say(value: unknown): string {
  if (typeof value === 'function') return (value as (...args: unknown[]) => string)(...Array.from({ length: value.length }, () => SAMPLE))
  return value as string
}

// English texts that may hold Chinese: the search example, the language named in itself, and the
// script control's choices, which name the scripts in themselves (their English names are the …Name texts).
const HAN_ALLOWED = new Set([
  'filters.searchPlaceholder',
  'language.chinese',
  'readingScript.original',
  'readingScript.simplified',
  'readingScript.traditional',
])

describe('message files', () => {
  const zh = flatten(strings)
  const english = flatten(en)

  it('have the same keys', () => {
    expect([...english.keys()].filter((key) => !zh.has(key))).toEqual([])
    expect([...zh.keys()].filter((key) => !english.has(key))).toEqual([])
  })

  it('have no empty text, and every function message says something', () => {
    for (const [name, file] of [['zh', zh], ['en', english]] as const) {
      for (const [key, value] of file) {
        expect(['string', 'function'], `${name} ${key}`).toContain(typeof value)
        expect(say(value).trim(), `${name} ${key}`).not.toBe('')
      }
    }
  })

  it('take the same arguments in both languages', () => {
    for (const [key, value] of zh) {
      const other = english.get(key)
      expect(typeof other, key).toBe(typeof value)
      if (typeof value === 'function') expect((other as (...args: unknown[]) => string).length, key).toBe(value.length)
    }
  })

  it('leave no Chinese in the English file', () => {
    const han = /\p{Script=Han}/u
    expect([...english].filter(([key, value]) => !HAN_ALLOWED.has(key) && han.test(say(value))).map(([key]) => key)).toEqual([])
  })
})
