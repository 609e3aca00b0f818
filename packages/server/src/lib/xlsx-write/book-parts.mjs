// The parts of a list workbook around its sheets: fixed styles, the workbook with each sheet's
// printed title row, relationships, content types and document properties. Plain JavaScript for
// the worker thread (see zip-stream.mjs).
import { xmlText } from './xml-text.mjs';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const thin = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>';
const font = (size, name) => `<font><sz val="${size}"/><name val="${name}"/></font>`;
const xf = (fontId, fillId, borderId, alignment) =>
  `<xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"` +
  (fillId ? ' applyFill="1"' : '') +
  (borderId ? ' applyBorder="1"' : '') +
  (alignment ? ` applyAlignment="1"><alignment ${alignment}/></xf>` : '/>');

/**
 * The cell formats every list sheet uses, by their index in cellXfs (a cell's s="…"): the
 * layout the offices print, as ExcelJS wrote it before — title 方正小标宋简体 18, the unit and
 * date lines 仿宋_GB2312 12, a grey bordered 黑体 header, bordered wrapped 仿宋_GB2312 11 cells.
 */
export const STYLE = {
  title: 1,
  leftLine: 2,
  rightLine: 3,
  header: 4,
  cellCenter: 5,
  cellLeft: 6,
  footer: 7,
  footerWrap: 8,
};

export const STYLES_XML =
  `${DECL}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="5"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `${font(18, '方正小标宋简体')}${font(12, '仿宋_GB2312')}${font(12, '黑体')}${font(11, '仿宋_GB2312')}</fonts>` +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  xf(1, 0, 0, 'horizontal="center" vertical="center"') +
  xf(2, 0, 0, '') +
  xf(2, 0, 0, 'horizontal="right"') +
  xf(3, 2, 1, 'horizontal="center" vertical="center" wrapText="1"') +
  xf(4, 0, 1, 'horizontal="center" vertical="center" wrapText="1"') +
  xf(4, 0, 1, 'horizontal="left" vertical="center" wrapText="1"') +
  xf(4, 0, 0, '') +
  xf(4, 0, 0, 'vertical="top" wrapText="1"') +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** A sheet name Excel accepts: none of : \ / ? * [ ], at most 31 characters, not blank. */
export function sheetName(name, index) {
  const clean = String(name)
    .replace(/[:\\/?*[\]]/g, '_')
    .slice(0, 31)
    .trim();
  return clean || `Sheet${index + 1}`;
}

const quoted = (name) => `'${name.replace(/'/g, "''")}'`;

/** sheets: [{name, printTitles: bool}] in order; sheet i is xl/worksheets/sheet{i+1}.xml. */
export function workbookXml(sheets) {
  const list = sheets
    .map((s, i) => `<sheet name="${xmlText(s.name, true)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const titles = sheets
    .map((s, i) =>
      s.printTitles
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quoted(s.name), true)}!$4:$4</definedName>`
        : '',
    )
    .join('');
  return (
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets>` +
    (titles ? `<definedNames>${titles}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}

export function workbookRels(count) {
  let rels = '';
  for (let i = 1; i <= count; i++)
    rels += `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return `${DECL}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${count + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

export function contentTypes(count) {
  const ct = 'application/vnd.openxmlformats-officedocument';
  let sheets = '';
  for (let i = 1; i <= count; i++)
    sheets += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`;
  return (
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>${sheets}` +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/></Types>`
  );
}

export const ROOT_RELS =
  `${DECL}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

export function coreXml(creator) {
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:creator>${xmlText(creator ?? '', false)}</dc:creator></cp:coreProperties>`
  );
}

export const APP_XML =
  `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>Microsoft Excel</Application></Properties>';
