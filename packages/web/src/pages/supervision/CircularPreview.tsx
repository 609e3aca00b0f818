// The 通报 as it will print: the same text model the server renders into the .docx, laid out
// on a page-like sheet (title, 主送, body with indented paragraphs, ranking table, signature).
import type { Circular } from './api';

const FONT = '"仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif';
const paragraph = { textIndent: '2em', margin: 0, lineHeight: 1.9, textAlign: 'justify' as const };

export function CircularPreview({ doc, draft }: { doc: Circular['document']; draft: boolean }) {
  return (
    <div
      data-testid="circular-preview"
      style={{
        position: 'relative',
        background: '#fff',
        border: '1px solid #e5e5e5',
        boxShadow: '0 1px 6px rgba(0,0,0,.08)',
        padding: '48px 56px',
        fontFamily: FONT,
        fontSize: 16,
        color: '#000',
        maxWidth: 820,
      }}
    >
      {draft && (
        <div style={{ position: 'absolute', right: 24, top: 16, color: '#c00000', fontFamily: 'sans-serif' }}>
          草稿（未签发）
        </div>
      )}
      {doc.docNumber && (
        <div
          style={{
            textAlign: 'center',
            borderBottom: '2px solid #c00000',
            paddingBottom: 8,
            marginBottom: 20,
          }}
        >
          {doc.docNumber}
        </div>
      )}
      <h2
        style={{
          textAlign: 'center',
          fontSize: 24,
          fontWeight: 700,
          lineHeight: 1.5,
          margin: '0 0 24px',
          whiteSpace: 'pre-line',
        }}
      >
        {doc.title}
      </h2>
      <p style={{ ...paragraph, textIndent: 0 }}>{doc.recipients}</p>
      <p style={paragraph}>{doc.intro}</p>
      {doc.sections.map((s) => (
        <section key={s.heading}>
          <p style={{ ...paragraph, fontFamily: '"黑体", "SimHei", sans-serif' }}>{s.heading}</p>
          {s.paragraphs.map((p) => (
            <p key={p} style={paragraph}>
              {p}
            </p>
          ))}
          {s.points?.map((p) => (
            <p key={p.lead} style={paragraph}>
              <span style={{ fontFamily: '"楷体_GB2312", "KaiTi", serif', fontWeight: 600 }}>{p.lead}</span>
              {p.text}
            </p>
          ))}
          {s.table && (
            <table
              data-testid="circular-ranking"
              style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13, margin: '8px 0 12px' }}
            >
              <thead>
                <tr>
                  {s.table.header.map((h) => (
                    <th key={h} style={{ border: '1px solid #000', padding: '4px 2px', fontWeight: 600 }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.table.rows.map((r) => (
                  <tr key={r[1]}>
                    {r.map((v, i) => (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed and positional.
                        key={i}
                        style={{ border: '1px solid #000', padding: '4px 2px', textAlign: 'center' }}
                      >
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      {/* The date centred under the issuer, the block two characters from the right (GB/T 9704). */}
      <div style={{ textAlign: 'right', marginTop: 48, paddingRight: '2em', lineHeight: 1.9 }}>
        <div style={{ display: 'inline-block', textAlign: 'center' }}>
          <div>{doc.issuer}</div>
          <div>{doc.dateText}</div>
        </div>
      </div>
    </div>
  );
}
