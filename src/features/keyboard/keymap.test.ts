// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { strings } from '../../lib/strings'
import { en } from '../../lib/strings-en'
import { IDLE, isForeignKey, isTypingTarget, matchKey, SEQUENCE_MS, SHORTCUTS, type KeyState } from './keymap'
import { moveSelection } from './selection'

/** Presses keys in turn, `gap` ms apart: the actions of the last one. */
function press(keys: string[], gap = 100) {
  let state: KeyState = IDLE
  let result = matchKey(state, keys[0]!, 1000)
  state = result.state
  keys.slice(1).forEach((key, i) => {
    result = matchKey(state, key, 1000 + (i + 1) * gap)
    state = result.state
  })
  return result
}

describe('matchKey', () => {
  it('maps single keys to their actions', () => {
    expect(press(['j']).actions).toEqual(['nextItem'])
    expect(press(['k']).actions).toEqual(['previousItem'])
    expect(press(['Enter']).actions).toEqual(['openItem'])
    expect(press(['o']).actions).toEqual(['openItem'])
    expect(press(['?']).actions).toEqual(['help'])
    expect(press(['/']).actions).toEqual(['focusSearch'])
    expect(press(['Escape']).actions).toEqual(['back'])
  })

  it('gives b both meanings; the page picks the one that applies', () => {
    expect(press(['b']).actions).toEqual(['bookmarkItem', 'bookmarkArticle'])
  })

  it('reads g then l, t or b as a sequence; g alone waits and is taken', () => {
    const g = press(['g'])
    expect(g).toMatchObject({ actions: [], taken: true })
    expect(g.state.pending).toEqual(['g'])
    expect(press(['g', 'l']).actions).toEqual(['goList'])
    expect(press(['g', 't']).actions).toEqual(['goTimeline'])
    expect(press(['g', 'b']).actions).toEqual(['goBookmarks'])
  })

  it('forgets a g that waited too long: the next key counts on its own', () => {
    expect(press(['g', 'b'], SEQUENCE_MS + 1).actions).toEqual(['bookmarkItem', 'bookmarkArticle'])
    expect(press(['g', 't'], SEQUENCE_MS + 1)).toMatchObject({ actions: [], taken: false })
  })

  it('a g followed by a key of no sequence lets that key act alone', () => {
    expect(press(['g', 'j']).actions).toEqual(['nextItem'])
    expect(press(['g', 'x'])).toMatchObject({ actions: [], taken: false, state: IDLE })
  })

  it('leaves other keys alone, case included (Shift+J is not j)', () => {
    for (const key of ['x', 'J', 'G', 'Tab', ' ', 'ArrowDown', 'l', 't']) expect(press([key])).toMatchObject({ actions: [], taken: false })
  })
})

describe('the keymap', () => {
  it('binds each key sequence once per page kind, and no sequence starts with a key that acts alone', () => {
    const bound = SHORTCUTS.flatMap((shortcut) => shortcut.keys.map((keys) => `${shortcut.group === 'everywhere' ? '*' : shortcut.group}:${keys.join(' ')}`))
    expect(new Set(bound).size).toBe(bound.length)
    const singles = new Set(SHORTCUTS.flatMap((shortcut) => shortcut.keys.filter((keys) => keys.length === 1).map((keys) => keys[0])))
    for (const shortcut of SHORTCUTS) for (const keys of shortcut.keys) if (keys.length > 1) expect(singles.has(keys[0])).toBe(false)
  })

  it('has a description for every action in both languages', () => {
    for (const { action } of SHORTCUTS) {
      expect(strings.shortcuts[action]).not.toBe('')
      expect(en.shortcuts[action]).not.toBe('')
    }
  })
})

describe('keys that are not shortcuts', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

  it('while an input method composes: isComposing, or keyCode 229 (Chromium and Safari during composition)', () => {
    expect(isForeignKey(key({ key: 'j', isComposing: true }))).toBe(true)
    expect(isForeignKey(key({ key: 'j', keyCode: 229 }))).toBe(true)
    expect(isForeignKey(key({ key: 'Process' }))).toBe(true)
    expect(isForeignKey(key({ key: 'j' }))).toBe(false)
  })

  it('with Ctrl, Cmd or Alt held; Shift is how ? is typed', () => {
    expect(isForeignKey(key({ key: 'j', ctrlKey: true }))).toBe(true)
    expect(isForeignKey(key({ key: 'j', metaKey: true }))).toBe(true)
    expect(isForeignKey(key({ key: 'j', altKey: true }))).toBe(true)
    expect(isForeignKey(key({ key: '?', shiftKey: true }))).toBe(false)
  })

  it('typed into a text field, textarea, select or editable content; not on buttons, checkboxes or links', () => {
    const make = (tag: string, id: string, attributes: Record<string, string> = {}) => {
      const element = document.createElement(tag)
      element.id = id
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
      return element
    }
    const editable = make('div', 'editable', { contenteditable: 'true' })
    editable.append(make('p', 'inside'))
    document.body.replaceChildren(
      make('input', 'text'), make('input', 'search', { type: 'search' }), make('input', 'date', { type: 'date' }), make('textarea', 'area'), make('select', 'pick'),
      editable, make('div', 'off', { contenteditable: 'false' }),
      make('input', 'box', { type: 'checkbox' }), make('input', 'radio', { type: 'radio' }), make('button', 'button'), make('a', 'link', { href: '/' }),
    )
    const byId = (id: string) => document.getElementById(id)
    for (const id of ['text', 'search', 'date', 'area', 'pick', 'inside']) expect(isTypingTarget(byId(id)), id).toBe(true)
    for (const id of ['off', 'box', 'radio', 'button', 'link']) expect(isTypingTarget(byId(id)), id).toBe(false)
    expect(isTypingTarget(document.body)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})

describe('moveSelection', () => {
  const ids = ['a', 'b', 'c']
  it('starts at the first item on screen, then steps and stops at the ends', () => {
    expect(moveSelection(ids, null, 1)).toBe('a')
    expect(moveSelection(ids, null, 1, 2)).toBe('c')
    expect(moveSelection(ids, 'a', 1)).toBe('b')
    expect(moveSelection(ids, 'c', 1)).toBe('c')
    expect(moveSelection(ids, 'a', -1)).toBe('a')
    expect(moveSelection(ids, 'c', -1)).toBe('b')
  })
  it('starts afresh when the selected item is no longer shown, and selects nothing in an empty list', () => {
    expect(moveSelection(ids, 'gone', 1, 1)).toBe('b')
    expect(moveSelection([], null, 1)).toBeNull()
  })
})
