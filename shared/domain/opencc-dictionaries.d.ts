/** OpenCC's dictionaries as opencc-js ships them (no types of their own): "繁 简|…" pairs. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
