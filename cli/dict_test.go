package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func score(t *testing.T, line string) float64 {
	t.Helper()
	var r struct{ Score float64 }
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("not JSON: %q", line)
	}
	return r.Score
}

// encode64 writes a number in dictd's base64 alphabet, as .index files do.
func encode64(v int) string {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if v == 0 {
		return "A"
	}
	var out []byte
	for ; v > 0; v /= 64 {
		out = append([]byte{b64[v%64]}, out...)
	}
	return string(out)
}

// writeDict writes a dictd dictionary of headword -> entry text.
func writeDict(t *testing.T, dir, name string, entries [][2]string) {
	t.Helper()
	var dict strings.Builder
	var index strings.Builder
	for _, e := range entries {
		start := dict.Len()
		dict.WriteString(e[1])
		index.WriteString(e[0] + "\t" + encode64(start) + "\t" + encode64(dict.Len()-start) + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, name+".dict"), []byte(dict.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".index"), []byte(index.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDictDir checks that --dict-dir extends the lexicons: a French word no
// embedded lexicon has is understood once a dictionary glosses it.
func TestDictDir(t *testing.T) {
	articles := t.TempDir()
	page := "Ports sign deals\n\nThe two ports signed a dredging contract on Monday, March 3, 2025, in Valmora.\n\nA cooperation pact was signed later, on May 12, 2025.\n"
	if err := os.WriteFile(filepath.Join(articles, "pact.txt"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dicts := t.TempDir()
	// "brouzoufle" is an invented word: only this dictionary knows it.
	writeDict(t, dicts, "freedict-fra-eng", [][2]string{{"brouzoufle", "brouzoufle /bʁuzufl/ <n>\npact, agreement\n"}})

	q := "quand le brouzoufle a-t-il été signé ?"
	without := mustRun(t, "", nil, "ask", "--json", "--lang", "fr", "--corpus", articles, q)
	with := mustRun(t, "", nil, "ask", "--json", "--lang", "fr", "--corpus", articles, "--dict-dir", dicts, q)
	if with.code != 0 || without.code != 0 {
		t.Fatalf("exit codes %d and %d; stderr %q %q", without.code, with.code, without.stderr, with.stderr)
	}
	if !strings.Contains(with.stdout, `"answered":true`) || !strings.Contains(with.stdout, "cooperation pact") {
		t.Errorf("with the dictionary: %s; want the pact sentence", with.stdout)
	}
	if score(t, with.stdout) <= score(t, without.stdout) {
		t.Errorf("the dictionary did not raise the score: with %s, without %s", with.stdout, without.stdout)
	}
}
