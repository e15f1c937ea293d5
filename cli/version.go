package cli

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

func (a *app) versionUsage(w io.Writer) {
	a.usageLine(w, "version")
	fmt.Fprint(w, `Prints what the binary was built from, as the Go toolchain recorded it:
the module version, the commit and its date, whether the working tree had
changes, and the Go version. A binary built outside a git checkout (the
Docker image's build context has no .git) records no commit: "unknown".
`)
}

func (a *app) version(ctx context.Context, args []string) error {
	pos, err := a.parse(a.flagSet("version"), args, a.versionUsage)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version takes no arguments")
	}
	bi, ok := debug.ReadBuildInfo()
	_, err = io.WriteString(a.stdout, versionText(bi, ok))
	return err
}

// versionText describes a build: "qabot v1.2.3", then the commit, its
// date and the Go version, one per line. ok false (a binary without build
// information) still gives every line, with "unknown".
func versionText(bi *debug.BuildInfo, ok bool) string {
	version, commit, date, goVersion := "unknown", "unknown", "unknown", "unknown"
	modified := false
	if ok && bi != nil {
		if v := bi.Main.Version; v != "" {
			version = v // "(devel)" for go run and go test
		}
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				date = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if modified {
		commit += " (with uncommitted changes)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "qabot %s\n", version)
	fmt.Fprintf(&b, "commit:      %s\n", commit)
	fmt.Fprintf(&b, "commit date: %s\n", date)
	fmt.Fprintf(&b, "go:          %s\n", goVersion)
	return b.String()
}
