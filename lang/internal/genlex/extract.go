package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The WordNet 3.0 database files (Debian wordnet-base, /usr/share/wordnet)
// hold more than the synset lists of ../shared/lexical: the order of a
// word's senses and how often each was seen in the SemCor corpus
// (index.*, cntlist.rev), the links between words of related meaning
// (data.*), and the irregular inflections (*.exc). extract writes the part
// genlex uses into three small files, so that the repository keeps a few
// hundred kilobytes instead of the 30 MB database:
//
//	wn30-senses.tsv.gz  lemma<TAB>pos<TAB>synset[:count] ...   senses in WordNet order
//	wn30-links.tsv.gz   type<TAB>synset<TAB>lemma<TAB>synset<TAB>lemma
//	                    type "+" derivation (attack/attacker), "\" pertainym
//	                    (nuclear/nucleus), "<" participle (published/publish)
//	wn30-exc.tsv.gz     form<TAB>base<TAB>pos                  irregular forms (took/take)
//
// A synset is "offset-pos" as in ../shared/lexical (adjective satellites
// written "a"). Lemmas are lower case with spaces, as index.* writes them.
func extract(wnDir, outDir string) error {
	senses, err := extractSenses(wnDir)
	if err != nil {
		return err
	}
	links, err := extractLinks(wnDir)
	if err != nil {
		return err
	}
	exc, err := extractExceptions(wnDir)
	if err != nil {
		return err
	}
	for name, lines := range map[string][]string{
		"wn30-senses.tsv.gz": senses, "wn30-links.tsv.gz": links, "wn30-exc.tsv.gz": exc,
	} {
		if err := writeGzipLines(filepath.Join(outDir, name), lines); err != nil {
			return err
		}
	}
	return nil
}

var posFiles = []struct{ name, pos string }{{"noun", "n"}, {"verb", "v"}, {"adj", "a"}, {"adv", "r"}}

// ssPos maps the synset type digit of a sense key to the pos of index.*.
var ssPos = map[byte]string{'1': "n", '2': "v", '3': "a", '4': "r", '5': "a"}

func extractSenses(wnDir string) ([]string, error) {
	// cntlist.rev: "sense_key sense_number tag_cnt"; the sense key is
	// "lemma%ss_type:...".
	counts := map[string]int{} // "lemma\tpos\tsense_number" -> tag count
	if err := eachFileLine(filepath.Join(wnDir, "cntlist.rev"), func(line string) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("cntlist.rev: bad line %q", line)
		}
		lemma, key, ok := strings.Cut(f[0], "%")
		if !ok || key == "" || ssPos[key[0]] == "" {
			return fmt.Errorf("cntlist.rev: bad sense key %q", f[0])
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("cntlist.rev: bad count in %q", line)
		}
		counts[wnLemma(lemma)+"\t"+ssPos[key[0]]+"\t"+f[1]] += n
		return nil
	}); err != nil {
		return nil, err
	}
	var out []string
	for _, pf := range posFiles {
		if err := eachFileLine(filepath.Join(wnDir, "index."+pf.name), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil // licence header
			}
			f := strings.Fields(line)
			// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offsets...
			if len(f) < 6 {
				return fmt.Errorf("index.%s: bad line %q", pf.name, line)
			}
			nSyn, err1 := strconv.Atoi(f[2])
			nPtr, err2 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil || len(f) != 6+nPtr+nSyn {
				return fmt.Errorf("index.%s: bad line %q", pf.name, line)
			}
			lemma := wnLemma(f[0])
			var b strings.Builder
			b.WriteString(lemma + "\t" + pf.pos + "\t")
			for i, off := range f[6+nPtr:] {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(off)
				if c := counts[lemma+"\t"+pf.pos+"\t"+strconv.Itoa(i+1)]; c > 0 {
					fmt.Fprintf(&b, ":%d", c)
				}
			}
			out = append(out, b.String())
			return nil
		}); err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

func extractLinks(wnDir string) ([]string, error) {
	var out []string
	for _, pf := range posFiles {
		if err := eachFileLine(filepath.Join(wnDir, "data."+pf.name), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil
			}
			body, _, _ := strings.Cut(line, " | ")
			f := strings.Fields(body)
			// offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [sym offset pos src/tgt]...
			if len(f) < 4 {
				return fmt.Errorf("data.%s: bad line %q", pf.name, line[:min(len(line), 80)])
			}
			nw, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil || len(f) < 5+2*int(nw) {
				return fmt.Errorf("data.%s: bad word count in %q", pf.name, line[:min(len(line), 80)])
			}
			words := make([]string, nw)
			for i := range words {
				words[i] = wnLemma(stripMarker(f[4+2*i]))
			}
			at := 4 + 2*int(nw)
			np, err := strconv.Atoi(f[at])
			if err != nil || len(f) < at+1+4*np {
				return fmt.Errorf("data.%s: bad pointer count in %q", pf.name, line[:min(len(line), 80)])
			}
			src := f[0] + "-" + pf.pos
			for p := range np {
				sym, off, pos, st := f[at+1+4*p], f[at+2+4*p], f[at+3+4*p], f[at+4+4*p]
				if sym != "+" && sym != `\` && sym != "<" {
					continue
				}
				s, err1 := strconv.ParseInt(st[:2], 16, 32)
				t, err2 := strconv.ParseInt(st[2:], 16, 32)
				if err1 != nil || err2 != nil || s == 0 || t == 0 || int(s) > len(words) {
					continue // a link between whole synsets: none of these kinds is
				}
				if pos == "s" {
					pos = "a"
				}
				out = append(out, strings.Join([]string{sym, src, words[s-1], off + "-" + pos, fmt.Sprint(t)}, "\t"))
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	// The target is named by its word number; resolve it to the lemma now
	// that every synset's words are known.
	synWords := map[string][]string{}
	for _, pf := range posFiles {
		if err := eachFileLine(filepath.Join(wnDir, "data."+pf.name), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil
			}
			f := strings.Fields(line)
			nw, _ := strconv.ParseInt(f[3], 16, 32)
			words := make([]string, nw)
			for i := range words {
				words[i] = wnLemma(stripMarker(f[4+2*i]))
			}
			synWords[f[0]+"-"+pf.pos] = words
			return nil
		}); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	res := out[:0]
	for _, l := range out {
		f := strings.Split(l, "\t")
		t, _ := strconv.Atoi(f[4])
		words := synWords[f[3]]
		if t > len(words) {
			return nil, fmt.Errorf("link %q: no word %d", l, t)
		}
		f[4] = words[t-1]
		// Derivation links are stored both ways; keep one.
		if f[0] == "+" {
			a, b := f[1]+"\t"+f[2], f[3]+"\t"+f[4]
			if b < a {
				a, b = b, a
			}
			if seen[a+"\t"+b] {
				continue
			}
			seen[a+"\t"+b] = true
			f[1], f[2], _ = strings.Cut(a, "\t")
			f[3], f[4], _ = strings.Cut(b, "\t")
		}
		res = append(res, strings.Join(f, "\t"))
	}
	slices.Sort(res)
	return slices.Compact(res), nil
}

func extractExceptions(wnDir string) ([]string, error) {
	var out []string
	for _, pf := range posFiles {
		if err := eachFileLine(filepath.Join(wnDir, pf.name+".exc"), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("%s.exc: bad line %q", pf.name, line)
			}
			for _, base := range f[1:] {
				out = append(out, wnLemma(f[0])+"\t"+wnLemma(base)+"\t"+pf.pos)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// wnLemma writes a WordNet lemma as text: "prime_minister" -> "prime minister".
func wnLemma(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", " ")) }

// stripMarker removes the syntactic marker of an adjective: "galore(ip)".
func stripMarker(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return s
}

func eachFileLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			if err := fn(line); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

// writeGzipLines writes lines to a gzip file with no name or time in its
// header, so the same lines always give the same bytes.
func writeGzipLines(path string, lines []string) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	for _, l := range lines {
		io.WriteString(w, l)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
