declare module "@marbec/web-auto-extractor" {
  type Options = { addLocation?: boolean; embedSource?: boolean | string[]; skipEmptyHeadings?: boolean; skipLayoutElements?: boolean };
  /** Structured data found in a page, by syntax, then by schema.org type. */
  export default class WebAutoExtractor {
    constructor(options?: Options);
    parse(html: string): { metatags: unknown; microdata: unknown; rdfa: unknown; jsonld: unknown; headings: unknown };
  }
}
