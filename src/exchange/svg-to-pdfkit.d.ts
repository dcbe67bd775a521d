declare module "svg-to-pdfkit" {
  type FontCallback = (family: string, bold: boolean, italic: boolean) => string;
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: { width?: number; height?: number; assumePt?: boolean; fontCallback?: FontCallback },
  ): void;
  export default SVGtoPDF;
}
