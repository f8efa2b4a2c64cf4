// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import { CardText } from './search-snippet'

afterEach(cleanup)

describe("a result card's text", () => {
  test('shows the excerpt until the snippet comes in, then the snippet with its match marked, in the same paragraph', () => {
    const { container, rerender } = render(<CardText snippet={undefined} excerpt="克里姆林宫周二表示" lang="zh-Hans" />)
    const paragraph = container.querySelector('p')!
    expect(paragraph.textContent).toBe('克里姆林宫周二表示')
    expect(paragraph.hasAttribute('data-search-snippet')).toBe(false)
    const snippet = { parts: [{ text: '据报道，', mark: false }, { text: '克里姆林宫', mark: true }, { text: '否认', mark: false }], cutStart: true, cutEnd: true }
    rerender(<CardText snippet={snippet} excerpt="克里姆林宫周二表示" lang="zh-Hans" />)
    // The node the reader saw is the one that changes: the card neither jumps nor flashes.
    expect(container.querySelector('p')).toBe(paragraph)
    expect(paragraph.textContent).toBe('…据报道，克里姆林宫否认…')
    expect([...paragraph.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['克里姆林宫'])
    expect(paragraph.hasAttribute('data-search-snippet')).toBe(true)
  })

  test('a card with neither has no empty paragraph', () => {
    const { container } = render(<CardText snippet={undefined} excerpt="" lang="zh-Hans" />)
    expect(container.querySelector('p')).toBeNull()
  })
})
