package main_test

// The Dockerfile cannot be built where there is no Docker daemon, so these
// tests check what can be checked without one: that it uses only syntax the
// legacy builder knows as well as BuildKit, and that the build context
// .dockerignore leaves is enough to build a binary that answers from an
// empty folder, as it must in the distroless image. `make docker` does the
// real build and smoke test where a daemon runs.

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// An instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	line int
	cmd  string // upper case: FROM, RUN, ...
	args string
}

// parseDockerfile reads instructions and parser directives (the "# key=value"
// comments before the first instruction) the way both builders do.
func parseDockerfile(t *testing.T, text string) (directives []string, ins []instruction) {
	t.Helper()
	lines := strings.Split(text, "\n")
	started := false
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if strings.HasPrefix(line, "#") {
			if !started && regexp.MustCompile(`^#\s*[a-zA-Z]+\s*=`).MatchString(line) {
				directives = append(directives, line)
			}
			continue
		}
		if line == "" {
			continue
		}
		started = true
		start := i
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			next := strings.TrimSpace(lines[i])
			if strings.HasPrefix(next, "#") {
				continue
			}
			line = strings.TrimSuffix(line, `\`) + " " + next
		}
		cmd, args, _ := strings.Cut(line, " ")
		ins = append(ins, instruction{line: start + 1, cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args)})
	}
	return directives, ins
}

// legacyInstructions are the instructions the legacy builder knows.
var legacyInstructions = []string{"FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY",
	"ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}

// buildkitOnly matches what only BuildKit reads: mounts, network and
// security modes of RUN, COPY/ADD flags newer than the legacy builder,
// heredocs, and the platform arguments BuildKit sets by itself.
var buildkitOnly = regexp.MustCompile(`--(mount|network|security|link|chmod|checksum|keep-git-dir|exclude|parents)\b|<<-?\s*["']?[A-Za-z_]|\$\{?(BUILDPLATFORM|BUILDOS|BUILDARCH|TARGETPLATFORM|TARGETOS|TARGETARCH|TARGETVARIANT)\b`)

func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	directives, ins := parseDockerfile(t, string(data))
	if len(directives) > 0 {
		// "# syntax=" makes BuildKit fetch a frontend image over the
		// network and means nothing to the legacy builder.
		t.Errorf("Dockerfile has parser directives %q; want none", directives)
	}
	stages := map[string]bool{}
	var last []instruction // the final stage
	for _, in := range ins {
		if !slices.Contains(legacyInstructions, in.cmd) {
			t.Errorf("Dockerfile:%d: %s is not an instruction the legacy builder knows", in.line, in.cmd)
		}
		if m := buildkitOnly.FindString(in.args); m != "" {
			t.Errorf("Dockerfile:%d: %s ... %s needs BuildKit; the legacy builder must build this file too", in.line, in.cmd, m)
		}
		switch in.cmd {
		case "FROM":
			if f := strings.Fields(in.args); len(f) == 3 && strings.EqualFold(f[1], "AS") {
				stages[f[2]] = true
			}
			last = nil
		case "COPY", "ADD":
			f := strings.Fields(in.args)
			if len(f) > 0 && strings.HasPrefix(f[0], "--from=") {
				if from := strings.TrimPrefix(f[0], "--from="); !stages[from] {
					t.Errorf("Dockerfile:%d: COPY --from=%s names no earlier stage", in.line, from)
				}
				break
			}
			// Sources of the build context must exist there.
			for _, src := range f[:max(len(f)-1, 0)] {
				if strings.HasPrefix(src, "--") {
					continue
				}
				if _, err := os.Stat(src); err != nil {
					t.Errorf("Dockerfile:%d: %s %s: not in the build context: %v", in.line, in.cmd, src, err)
				}
			}
		case "RUN":
			if strings.Contains(in.args, "go build") && !strings.Contains(in.args, "CGO_ENABLED=0") {
				t.Errorf("Dockerfile:%d: go build without CGO_ENABLED=0: the distroless static image needs a static binary", in.line)
			}
		}
		last = append(last, in)
	}
	var entry string
	for _, in := range last {
		if in.cmd == "ENTRYPOINT" {
			entry = in.args
		}
	}
	if entry != `["/qabot"]` {
		t.Errorf(`final stage ENTRYPOINT = %s; want ["/qabot"], so that "docker run IMAGE ask ..." runs qabot ask`, entry)
	}
}

// dockerignore holds the rules of a .dockerignore file, in order.
type dockerignore []struct {
	re     *regexp.Regexp
	negate bool
}

// parseDockerignore reads .dockerignore patterns as Docker does: paths
// relative to the context root, "*" and "?" within one path element, "**"
// across any number, "!" to take a path back; later rules win.
func parseDockerignore(text string) dockerignore {
	var d dockerignore
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		negate := strings.HasPrefix(line, "!")
		line = filepath.ToSlash(filepath.Clean(strings.TrimPrefix(line, "!")))
		line = strings.TrimPrefix(line, "/")
		var b strings.Builder
		b.WriteString("^")
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case strings.HasPrefix(line[i:], "**/"):
				b.WriteString("(.*/)?")
				i += 2
			case strings.HasPrefix(line[i:], "**"):
				b.WriteString(".*")
				i++
			case c == '*':
				b.WriteString("[^/]*")
			case c == '?':
				b.WriteString("[^/]")
			default:
				b.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		b.WriteString("$")
		d = append(d, struct {
			re     *regexp.Regexp
			negate bool
		}{regexp.MustCompile(b.String()), negate})
	}
	return d
}

// excluded reports whether path (slash-separated, relative to the context)
// stays out of the build context: a rule matches the path or a folder it
// is in.
func (d dockerignore) excluded(path string) bool {
	out := false
	for _, r := range d {
		p := path
		for {
			if r.re.MatchString(p) {
				out = !r.negate
				break
			}
			i := strings.LastIndex(p, "/")
			if i < 0 {
				break
			}
			p = p[:i]
		}
	}
	return out
}

func TestDockerignore(t *testing.T) {
	d := parseDockerignore("# comment\n.git\n**/testdata\n**/*_test.go\n.env.*\ndocs\n!docs/keep.md\n")
	for path, want := range map[string]bool{
		".git/config":                    true,
		"lang/data/en/chat.tsv":          false,
		"qa/testdata/golden.txtar":       true,
		"testdata/articles/a.txt":        true,
		"qa/engine_test.go":              true,
		"qa/engine.go":                   false,
		".env.local":                     true,
		".env":                           false,
		"docs/DESIGN.md":                 true,
		"docs/keep.md":                   false,
		"seeds/000_3025b2289f4c8319.txt": false,
	} {
		if got := d.excluded(path); got != want {
			t.Errorf("excluded(%q) = %v; want %v", path, got, want)
		}
	}
}

// TestDockerContext builds qabot from what .dockerignore lets into the build
// context, with the Dockerfile's build command, and asks it the README's
// question from an empty folder: the image holds that binary and nothing
// else.
func TestDockerContext(t *testing.T) {
	data, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	ignore := parseDockerignore(string(data))
	ctxDir := t.TempDir()
	err = filepath.WalkDir(".", func(path string, de fs.DirEntry, err error) error {
		if err != nil || path == "." {
			return err
		}
		if ignore.excluded(filepath.ToSlash(path)) {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		dst := filepath.Join(ctxDir, path)
		if de.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !de.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copy the build context: %v", err)
	}
	for _, secret := range []string{".env", "Dockerfile"} {
		if _, err := os.Stat(filepath.Join(ctxDir, secret)); err == nil {
			t.Errorf("%s is in the build context; .dockerignore must keep it out", secret)
		}
	}

	bin := filepath.Join(t.TempDir(), "qabot")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", bin, ".")
	build.Dir = ctxDir
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build in the Docker build context: %v\n%s", err, out)
	}

	const q = "when did albania join nato?"
	run := exec.Command(bin, "ask", q)
	run.Dir = t.TempDir() // nothing beside the binary, as in the image
	run.Env = []string{"PATH=/nonexistent"}
	out, err := run.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "2009") {
		t.Errorf("qabot ask %q from an empty folder = %q, %v; want an answer with 2009", q, out, err)
	}
}
