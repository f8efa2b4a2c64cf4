// The content hash in the names of immutable bundle files (index shards): a changed file gets a new
// name, so a host may serve these files with a year's max-age and the manifest that names them decides.
import { createHash } from 'node:crypto'
import { CONTENT_HASH_LENGTH, ID_ALPHABET } from '../../src/types/data'

/** CONTENT_HASH_LENGTH base32 characters (ID_ALPHABET) of sha-256(content). */
export function contentHash(content: string): string {
  const digest = createHash('sha256').update(content).digest()
  let out = ''
  let value = 0
  let bits = 0
  for (const byte of digest) {
    value = ((value << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5 && out.length < CONTENT_HASH_LENGTH) {
      out += ID_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    if (out.length >= CONTENT_HASH_LENGTH) break
  }
  return out
}
