/** Globals the report page gives client.js: Observable Plot and d3, inlined before it by render.ts. */
interface Window {
  Plot: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the inlined bundle has no types here
  d3: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the same: d3's UMD bundle, inlined before Plot
}
