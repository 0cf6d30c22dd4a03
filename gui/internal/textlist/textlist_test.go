package textlist

import (
	"slices"
	"testing"

	"zerokara/net"
)

func TestParseFormatRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"he, xavier,std=0.01", "He, Xavier, std=0.01", false},
		{" zero , const=0.5 ,", "const=0, const=0.5", false},
		{"He, wrong", "", true},
		{"std=-1", "", true},
		{" , ", "", true},
	} {
		got, err := Parse[net.Init](tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("Parse(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		if err == nil && Format(got) != tc.want {
			t.Errorf("Format(Parse(%q)) = %q, want %q", tc.in, Format(got), tc.want)
		}
	}
	acts, err := Parse[net.Activation]("ReLU, tanh")
	if err != nil || !slices.Equal(acts, []net.Activation{net.ReLUAct, net.TanhAct}) {
		t.Errorf("activations: %v, %v", acts, err)
	}
	if got := Texts(net.OptimizerNames()); got[0] != "sgd" || got[5] != "adam" {
		t.Errorf("optimizer names %v", got)
	}
}
