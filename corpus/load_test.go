package corpus_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// storyPage returns a small, well-formed invented news page.
func storyPage(title string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(title + "\n\n" +
		"The harbour council of Skellby voted on Monday to close the old ferry pier.\n\n" +
		"A new pier is planned for the north side of the bay, officials said.\n")}
}

func articleIDs(c *corpus.Corpus) []string {
	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestLoadInNameOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"b-storm.txt": storyPage("Storm floods the lower town"),
		"a-pier.txt":  storyPage("Council closes the ferry pier"),
		"c-fish.txt":  storyPage("Fishermen land a record catch"),
	}
	c, err := corpus.Load(fsys, mustParser(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff([]string{"a-pier", "b-storm", "c-fish"}, articleIDs(c)); diff != "" {
		t.Errorf("Load article IDs mismatch (-want +got):\n%s", diff)
	}
	var titles []string
	for _, a := range c.Articles {
		titles = append(titles, a.Title)
	}
	wantTitles := []string{"Council closes the ferry pier", "Storm floods the lower town", "Fishermen land a record catch"}
	if diff := cmp.Diff(wantTitles, titles); diff != "" {
		t.Errorf("Load titles mismatch (-want +got):\n%s", diff)
	}
	if got, want := c.Sentences(), 3*2; got != want {
		t.Errorf("Corpus.Sentences() = %d, want %d", got, want)
	}
}

func TestLoadIgnoresWhatIsNotAnArticle(t *testing.T) {
	fsys := fstest.MapFS{
		"pier.txt":          storyPage("Council closes the ferry pier"),
		"README.md":         {Data: []byte("not an article")},
		"pier.txt.bak":      {Data: []byte("\x00\x01 backup")},
		".hidden.txt":       {Data: []byte("\x00 a dot-file, binary so that reading it would fail")},
		"folder.txt":        {Mode: fs.ModeDir},
		"folder.txt/in.txt": storyPage("Nested pages are not loaded"),
		"sub/deep.txt":      storyPage("Nested pages are not loaded"),
	}
	c, err := corpus.Load(fsys, mustParser(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff([]string{"pier"}, articleIDs(c)); diff != "" {
		t.Errorf("Load article IDs mismatch (-want +got):\n%s", diff)
	}
}

func TestLoadNoArticles(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
	}{
		{"empty folder", fstest.MapFS{}},
		{"only other files", fstest.MapFS{"notes.md": {Data: []byte("# notes")}, ".git/HEAD": {Data: []byte("ref")}}},
		{"only a directory named like an article", fstest.MapFS{"x.txt/a.txt": storyPage("Nested")}},
	}
	p := mustParser(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := corpus.Load(tt.fsys, p)
			if !errors.Is(err, corpus.ErrNoArticles) {
				t.Fatalf("Load(%s) error = %v, want %v", tt.name, err, corpus.ErrNoArticles)
			}
			if c == nil || len(c.Articles) != 0 {
				t.Errorf("Load(%s) corpus = %+v, want an empty corpus", tt.name, c)
			}
		})
	}
}

func TestLoadReportsEveryBadFile(t *testing.T) {
	p := mustParser(t)
	p.MaxBytes = 1000
	fsys := fstest.MapFS{
		"a-pier.txt":     storyPage("Council closes the ferry pier"),
		"b-binary.txt":   {Data: []byte("GIF89a\x00\x01\x02\x03\x04 image data")},
		"c-empty.txt":    {Data: nil},
		"d-chrome.txt":   {Data: []byte("Share\n\nAdvertisement\n\nRead more\n\nSubscribe to our newsletter\n")},
		"e-huge.txt":     {Data: []byte("Huge page\n\n" + strings.Repeat("The pier is old. ", 100))},
		"f-storm.txt":    storyPage("Storm floods the lower town"),
		"g-blanks.txt":   {Data: []byte(" \n\t\r\n\u00a0\n")},
		"h-controls.txt": {Data: []byte("\x01\x02\x03\x04\x05\x06\x07\x08 mostly control bytes")},
	}
	c, err := corpus.Load(fsys, p)
	if err == nil {
		t.Fatal("Load: no error, want one for each bad file")
	}
	if diff := cmp.Diff([]string{"a-pier", "f-storm"}, articleIDs(c)); diff != "" {
		t.Errorf("Load kept articles mismatch (-want +got):\n%s", diff)
	}

	// Each bad file is named with the reason it was refused.
	want := []struct {
		name string
		err  error
	}{
		{"b-binary.txt", corpus.ErrBinary},
		{"c-empty.txt", corpus.ErrNoText},
		{"d-chrome.txt", corpus.ErrNoText},
		{"e-huge.txt", corpus.ErrTooLarge},
		{"g-blanks.txt", corpus.ErrNoText},
		{"h-controls.txt", corpus.ErrBinary},
	}
	var list corpus.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load error %T %v is not an ErrorList", err, err)
	}
	if len(list) != len(want) {
		t.Fatalf("Load reported %d files (%v), want %d", len(list), err, len(want))
	}
	for i, w := range want {
		fe := list[i]
		if fe.Path != w.name || !errors.Is(fe, w.err) {
			t.Errorf("Load error %d = %s: %v, want %s: %v", i, fe.Path, fe.Err, w.name, w.err)
		}
	}

	// errors.Is and errors.As see through the list to every file's error.
	for _, sentinel := range []error{corpus.ErrBinary, corpus.ErrNoText, corpus.ErrTooLarge} {
		if !errors.Is(err, sentinel) {
			t.Errorf("errors.Is(Load error, %v) = false, want true", sentinel)
		}
	}
	if errors.Is(err, corpus.ErrNoArticles) {
		t.Errorf("errors.Is(Load error, ErrNoArticles) = true, want false: two articles loaded")
	}
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.Path != "b-binary.txt" {
		t.Errorf("errors.As(Load error, *FileError) = %v, want the first bad file b-binary.txt", fe)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w.name) {
			t.Errorf("Load error %q does not name %s", err, w.name)
		}
	}
}

func TestLoadOnlyBadFiles(t *testing.T) {
	fsys := fstest.MapFS{"empty.txt": {Data: nil}}
	c, err := corpus.Load(fsys, mustParser(t))
	if !errors.Is(err, corpus.ErrNoText) {
		t.Errorf("Load error = %v, want %v", err, corpus.ErrNoText)
	}
	if errors.Is(err, corpus.ErrNoArticles) {
		t.Errorf("Load error = %v: the bad file is reported, ErrNoArticles would hide it", err)
	}
	if c == nil || len(c.Articles) != 0 {
		t.Errorf("Load corpus = %+v, want an empty corpus", c)
	}
}

// failFS is a file system whose every Open fails with err, or only the
// Open of the file named bad when bad is set. It has only an Open method,
// so that fs.ReadDir and fs.ReadFile cannot go around it.
type failFS struct {
	files fstest.MapFS
	bad   string
	err   error
}

func (f failFS) Open(name string) (fs.File, error) {
	if f.bad == "" || name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: f.err}
	}
	return f.files.Open(name)
}

func TestLoadReadErrors(t *testing.T) {
	p := mustParser(t)
	t.Run("unreadable folder", func(t *testing.T) {
		c, err := corpus.Load(failFS{err: fs.ErrPermission}, p)
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("Load error = %v, want %v", err, fs.ErrPermission)
		}
		if c != nil {
			t.Errorf("Load corpus = %+v, want nil", c)
		}
	})
	t.Run("unreadable file", func(t *testing.T) {
		fsys := failFS{
			files: fstest.MapFS{"a.txt": storyPage("Council closes the ferry pier"), "b.txt": storyPage("Storm floods the lower town")},
			bad:   "a.txt",
			err:   fs.ErrPermission,
		}
		c, err := corpus.Load(fsys, p)
		var fe *corpus.FileError
		if !errors.As(err, &fe) || fe.Path != "a.txt" || !errors.Is(err, fs.ErrPermission) {
			t.Errorf("Load error = %v, want a FileError for a.txt wrapping %v", err, fs.ErrPermission)
		}
		if diff := cmp.Diff([]string{"b"}, articleIDs(c)); diff != "" {
			t.Errorf("Load article IDs mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestEveryLanguagePipeline builds the cleaner, segmenter and fact
// extractor of every language, so that a broken data file fails here.
func TestEveryLanguagePipeline(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range reg.Languages() {
		if _, err := corpus.NewCleanerFor(lang.Data, l.Code); err != nil {
			t.Errorf("NewCleanerFor(%s): %v", l.Code, err)
		}
		if _, err := corpus.NewSegmenterFor(lang.Data, l.Code, l.IsStopword, nil); err != nil {
			t.Errorf("NewSegmenterFor(%s): %v", l.Code, err)
		}
		if _, err := corpus.NewFactExtractorFor(lang.Data, l.Code); err != nil {
			t.Errorf("NewFactExtractorFor(%s): %v", l.Code, err)
		}
	}
}
