package main_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// thirdPartyPatterns returns the path patterns of THIRD_PARTY.md: the
// backquoted paths in the first column of its tables.
func thirdPartyPatterns(t *testing.T) (patterns []string, text string) {
	t.Helper()
	data, err := os.ReadFile("THIRD_PARTY.md")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("`([^`]+)`")
	for line := range strings.SplitSeq(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.HasPrefix(strings.TrimSpace(line), "|") {
			continue
		}
		for _, m := range code.FindAllStringSubmatch(cells[1], -1) {
			patterns = append(patterns, m[1])
		}
	}
	return patterns, string(data)
}

// covered reports whether a slash path matches one of the patterns:
// path.Match globs, "dir/..." for everything under dir.
func covered(p string, patterns []string) bool {
	for _, pat := range patterns {
		if dir, ok := strings.CutSuffix(pat, "/..."); ok {
			if strings.HasPrefix(p, dir+"/") {
				return true
			}
			continue
		}
		if ok, _ := path.Match(pat, p); ok {
			return true
		}
	}
	return false
}

// TestThirdParty checks that THIRD_PARTY.md accounts for every data file
// and every Go module compiled into the binary, so that none lands
// without its source and licence.
func TestThirdParty(t *testing.T) {
	patterns, text := thirdPartyPatterns(t)
	if len(patterns) == 0 {
		t.Fatal("THIRD_PARTY.md has no path patterns")
	}
	roots := []string{"lang/data", "corpus/data", "seeds", "lang/internal/genplaces/extra", "lang/internal/genlex/data"}
	if _, err := os.Stat("qa/data"); err == nil {
		roots = append(roots, "qa/data") // the fitted ranker, once trained
	}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "bin" || d.Name() == "dist") {
			return filepath.SkipDir
		}
		if d.IsDir() && d.Name() == "testdata" {
			roots = append(roots, filepath.ToSlash(p))
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Data files outside those folders, such as generated tables beside
	// their package's code: everything that is not code, documentation or
	// the project's own build files.
	own := map[string]bool{".ci/run": true, ".dockerignore": true, ".env.example": true, ".gitignore": true,
		"Dockerfile": true, "LICENSE": true, "Makefile": true, "NOTICE": true, "go.mod": true, "go.sum": true}
	err = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		p = filepath.ToSlash(p)
		if d.IsDir() {
			for _, r := range roots {
				if p == r {
					return filepath.SkipDir // checked below
				}
			}
			if d.Name() == ".git" || p == "bin" || p == "dist" {
				return filepath.SkipDir
			}
			return nil
		}
		// Code, documentation, and what .gitignore keeps out of the tree.
		ext := path.Ext(p)
		if own[p] || ext == ".go" || ext == ".md" || ext == ".test" || ext == ".out" || ext == ".prof" ||
			strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "coverage.") || p == "bench.txt" {
			return nil
		}
		if !covered(p, patterns) {
			t.Errorf("%s: no row of THIRD_PARTY.md covers it; add its source and licence", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			p = filepath.ToSlash(p)
			// Documentation and Go code are the project's own.
			if strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".go") {
				return nil
			}
			if !covered(p, patterns) {
				t.Errorf("%s: no row of THIRD_PARTY.md covers it; add its source and licence", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	out, err := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{.Module.Path}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	seen := map[string]bool{}
	for mod := range strings.FieldsSeq(string(out)) {
		if mod == "github.com/qabot/qabot" || seen[mod] {
			continue
		}
		seen[mod] = true
		if !strings.Contains(text, "`"+mod+"`") {
			t.Errorf("module %s is compiled into qabot but THIRD_PARTY.md does not list it", mod)
		}
	}
}
