// opencc-js ships its dictionaries as modules without declarations: each default-exports one string
// of pairs, "from to[ to…]|from to…".
declare module 'opencc-js/dict/TSCharacters' {
  const pairs: string
  export default pairs
}
declare module 'opencc-js/dict/HKVariantsRev' {
  const pairs: string
  export default pairs
}
declare module 'opencc-js/dict/TWVariantsRev' {
  const pairs: string
  export default pairs
}
