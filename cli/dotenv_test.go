package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/joho/godotenv"
)

// TestParseDotenvLikeGodotenv checks that the files godotenv, which qabot
// used before, read well are read the same.
func TestParseDotenvLikeGodotenv(t *testing.T) {
	files := map[string]string{
		"plain":           "A=1\nB=two words\n",
		"comments":        "# settings\n\nA=1 # inline\nB=x#not-a-comment\n   # indented comment\n",
		"export":          "export A=1\nexport  B=2\nexported=3\n",
		"yaml":            "A: 1\nB:2\n",
		"spaces":          "  A = 1  \n\tB\t=\t2\t\n",
		"empty":           "A=\nB=\"\"\nC=''\n",
		"single quotes":   "A='$B \\n # not a comment'\n",
		"double quotes":   "A=\"line\\nbreak\"\nB=\"say \\\"hi\\\" now\"\nC=\"# kept\" # dropped\n",
		"multi-line":      "A=\"one\ntwo\nthree\"\nB=4\n",
		"expansion":       "A=x\nB=$A-${A}\nC=\"${A}y\"\nD='${A}'\nE=\\$A\nF=${MISSING}z\n",
		"crlf":            "A=1\r\nB=\"2\"\r\n",
		"no final eol":    "A=1\nB=2",
		"dotted name":     "my.var=1\n",
		"token-like":      "DISCORD_TOKEN=MTEwMDAw.GhJk9a.abc-def_ghi\nDISCORD_PUBLIC_KEY=0123abcd\n",
		"equals in value": "A=b=c\nB=\"x=y\"\n",
	}
	for name, src := range files {
		want, err := godotenv.Unmarshal(src)
		if err != nil {
			t.Fatalf("%s: godotenv: %v", name, err)
		}
		got, err := parseDotenv(".env", []byte(src))
		if err != nil {
			t.Errorf("parseDotenv(%s %q): %v", name, src, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("parseDotenv(%s %q) mismatch (-godotenv +ours):\n%s", name, src, diff)
		}
	}
}

// TestParseDotenvEscapedQuoteAtEnd is where godotenv is wrong: it drops
// the quote of an escaped quote that ends a value.
func TestParseDotenvEscapedQuoteAtEnd(t *testing.T) {
	got, err := parseDotenv(".env", []byte(`A="say \"hi\""`))
	if err != nil || got["A"] != `say "hi"` {
		t.Errorf(`parseDotenv(A="say \"hi\"") = %q, %v; want say "hi"`, got["A"], err)
	}
}

// TestParseDotenvErrorsHideValues feeds malformed files whose broken line
// holds a secret: the error names the file and the line, never the text.
func TestParseDotenvErrorsHideValues(t *testing.T) {
	const secret = "MTA-secret-token-value"
	tests := []struct {
		name, src, want string
	}{
		{"unterminated double quote", "A=1\nDISCORD_TOKEN=\"" + secret + "\nB=2\n", ".env:2: the value of DISCORD_TOKEN opens a quote that is never closed"},
		{"unterminated single quote", "\n\nDISCORD_TOKEN='" + secret, ".env:3: the value of DISCORD_TOKEN opens a quote that is never closed"},
		{"pasted without a name", "A=1\n" + secret + "\n", ".env:2: want NAME=VALUE"},
		{"bad character in name", "DISCORD TOKEN=" + secret + "\n", ".env:1: want NAME=VALUE"},
		{"after a multi-line value", "A=\"x\ny\"\n" + secret + "!\n", ".env:3: want NAME=VALUE"},
		{"text after the quote", "A=1\nDISCORD_TOKEN=\"x\"" + secret + "\n", ".env:2: the value of DISCORD_TOKEN has text after its closing quote"},
	}
	for _, tt := range tests {
		_, err := parseDotenv(".env", []byte(tt.src))
		if err == nil {
			t.Errorf("parseDotenv(%s) = nil error, want %q", tt.name, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("parseDotenv(%s) error = %q, want %q", tt.name, err, tt.want)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("parseDotenv(%s) error %q quotes the secret", tt.name, err)
		}
	}
}

func TestReadDotenv(t *testing.T) {
	dir := t.TempDir()
	if vars, err := readDotenv(filepath.Join(dir, "missing")); err != nil || vars != nil {
		t.Errorf("readDotenv(missing) = %v, %v; want nothing and no error", vars, err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, []byte(strings.Repeat("# comment\n", maxDotenvBytes/10+1)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readDotenv(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("readDotenv(big) error = %v, want it refused as too large", err)
	}
	if _, err := readDotenv(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("readDotenv(folder) error = %v, want it refused", err)
	}
}
