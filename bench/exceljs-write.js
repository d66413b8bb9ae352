// exceljs-write.js CSV OUT.xlsx — the peer of the workbook benchmark: the
// same CSV rows written as one sheet by exceljs' streaming WorkbookWriter,
// numbers as numbers, as our data sheets write them.
//
// SPDX-License-Identifier: GPL-3.0-or-later

'use strict';

const fs = require('fs');
const readline = require('readline');
const ExcelJS = require('exceljs');

// One CSV line into fields (RFC 4180 quotes; the generator writes no line
// breaks inside fields).
function split(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

async function main() {
  const [csv, out] = process.argv.slice(2);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Data');
  const lines = readline.createInterface({ input: fs.createReadStream(csv), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    const fields = split(line);
    if (header) { sheet.addRow(fields).commit(); header = false; continue; }
    sheet.addRow(fields.map((f) => (f !== '' && !isNaN(f) && !/^0\d/.test(f) ? Number(f) : f))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

main().catch((error) => { console.error(error); process.exit(1); });
