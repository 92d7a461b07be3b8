"""Build sample_mechanisms.tsv (per file) from sample_mechanisms_by_article.tsv (hand-written).
Run from benchmarks/keys/src/. strength = strongest across articles; NONE rows dropped."""
import csv
ORDER = ['trophic_secretion', 'immunomodulation', 'anti_inflammation', 'polarization', 'anti_apoptosis',
         'antioxidant', 'mitochondrial_transfer', 'extracellular_vesicles', 'differentiation', 'homing',
         'angiogenesis', 'autophagy', 'anti_fibrosis', 'neuroregeneration', 'barrier_restoration',
         'endogenous_stem_cells']
rows = list(csv.DictReader(open('../sample_mechanisms_by_article.tsv', encoding='utf-8'), delimiter='\t'))
by = {}
for r in rows:
    if r['mechanism'] != 'NONE':
        assert r['mechanism'] in ORDER, r
        assert r['strength'] in ('clear', 'mentioned'), r
        by.setdefault(r['mechanism'], []).append(r)
with open('../sample_mechanisms.tsv', 'w', encoding='utf-8') as out:
    out.write('file\tmechanism\tstrength\tevidence\n')
    for m in ORDER:
        if m not in by:
            continue
        rs = by[m]
        s = 'clear' if any(r['strength'] == 'clear' for r in rs) else 'mentioned'
        top = [r for r in rs if r['strength'] == s][0]
        ev = '; '.join(f"{r['article']} {r['strength']}" for r in rs)
        out.write(f"{rs[0]['file']}\t{m}\t{s}\t{ev} ({top['article']}: {top['evidence']})\n")
