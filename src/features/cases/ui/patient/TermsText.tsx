import { Fragment } from 'react';

/**
 * A terms text (villkorstext) as written by the region or the unit: paragraphs separated by
 * blank lines, and lines starting with "- " as a list. Shown in full, never shortened (B5).
 */
export function TermsText({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return (
    <>
      {blocks.map((lines, index) => {
        const isList = lines.every((line) => /^\s*[-•*]\s+/.test(line));
        if (isList) {
          return (
            <ul key={index}>
              {lines.map((line, item) => (
                <li key={item}>{line.replace(/^\s*[-•*]\s+/, '')}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={index}>
            {lines.map((line, n) => (
              <Fragment key={n}>
                {n > 0 && <br />}
                {line}
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}
