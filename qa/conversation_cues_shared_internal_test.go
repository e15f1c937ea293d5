package qa

import (
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

// The chat cues are language data: the Conversations of every engine one
// Resources builds read the same ones, not a copy each.
func TestChatCuesShared(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewResources(Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	var stores []*Conversations
	for _, text := range []string{storeArticle, "Ferry service\n\nThe ferry to Ostholm runs twice a day from May, the port said.\n"} {
		e, err := res.Load(fstest.MapFS{"a.txt": {Data: []byte(text)}})
		if err != nil {
			t.Fatal(err)
		}
		s, err := NewConversations(e, ConversationOptions{})
		if err != nil {
			t.Fatal(err)
		}
		stores = append(stores, s)
	}
	for _, l := range reg.Languages() {
		a, b := stores[0].cues[l.Code], stores[1].cues[l.Code]
		if a == nil || a != b {
			t.Errorf("%s: the two engines' conversations read chat cues %p and %p; want the same, read once", l.Code, a, b)
		}
	}
}
