import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readConfig } from '../../src/config/read-config.js';
import { computeScore } from '../../src/pipeline/score.js';
import { bibtex, ententeReference, runReferences } from '../../src/report/references.js';
import { ROOT } from '../helpers/cli.js';

describe('the references of a run', () => {
  it('cite Entente, the data sets used and only the methods of the measures used (sample config)', async () => {
    const run = await computeScore(await readConfig(path.join(ROOT, 'entente.yaml')));
    const refs = runReferences(run.config, run.data);
    expect(refs[0]).toBe(ententeReference());
    const has = (re: RegExp) => refs.some((r) => re.test(r));
    // un_votes measure agree: Lijphart's agreement, not the S-score or kappa/pi papers
    expect(has(/^Lijphart/)).toBe(true);
    expect(has(/^Signorino/)).toBe(false);
    expect(has(/^Häge/)).toBe(false);
    // format unvotes: the R package's copy is cited
    expect(has(/^Robinson, D\./)).toBe(true);
    // joint drills from MME: not the JME coding sheet
    expect(has(/Multinational Military Exercises/)).toBe(true);
    expect(has(/Joint Military Exercises \(JME\)/)).toBe(false);
    // trade from COW, measure salience: not IMF DOTS, not Oneal & Russett's dependence
    expect(has(/^International Monetary Fund/)).toBe(false);
    expect(has(/^Oneal/)).toBe(false);
    // alliances from ATOP: not COW's alliances (Gibler); the sample files are no peacesciencer copies
    expect(has(/^Leeds/)).toBe(true);
    expect(has(/^Gibler/)).toBe(false);
    expect(has(/peacesciencer/)).toBe(false);
    // the SIPRI citation says what the register file says about its data
    expect(refs.find((r) => r.startsWith('SIPRI'))).toMatch(/\(data: synthetic\)\.$/);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('write one BibTeX entry per reference, with unique keys, escaped, the full text kept as note', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 80 }), { maxLength: 8 }), (refs) => {
        const bib = bibtex(refs);
        const keys = [...bib.matchAll(/^@misc\{([^,]+),$/gm)].map((m) => m[1]);
        if (keys.length !== refs.length || new Set(keys).size !== keys.length) return false;
        // braces stay balanced whatever the text holds
        let depth = 0;
        for (let i = 0; i < bib.length; i++) {
          if (bib[i] === '\\') i++;
          else if (bib[i] === '{') depth++;
          else if (bib[i] === '}') depth--;
          if (depth < 0) return false;
        }
        return depth === 0;
      }),
    );
    const bib = bibtex(['Barbieri, Katherine. 1996. "Economic Interdependence: A Path to Peace or a Source of Interstate Conflict?" Journal of Peace Research 33(1): 29–49.']);
    expect(bib).toContain('author = {Barbieri, Katherine}');
    expect(bib).toContain('year = {1996}');
    expect(bib).toContain('title = {Economic Interdependence: A Path to Peace or a Source of Interstate Conflict?}');
  });
});
