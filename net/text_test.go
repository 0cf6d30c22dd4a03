package net

import (
	"encoding"
	"encoding/json"
	"testing"
)

// Every typed configuration value survives MarshalText → UnmarshalText,
// and bad text is refused without changing the destination.
func TestTextRoundTrip(t *testing.T) {
	type value interface {
		encoding.TextMarshaler
	}
	cases := []struct {
		v   value
		dst encoding.TextUnmarshaler
	}{
		{Std(0.01), new(Init)}, {Std(0), new(Init)}, {Xavier(), new(Init)}, {Glorot(), new(Init)},
		{He(), new(Init)}, {Zero(), new(Init)}, {Constant(-0.25), new(Init)},
		{ReLUAct, new(Activation)}, {SigmoidAct, new(Activation)}, {TanhAct, new(Activation)},
	}
	for _, n := range OptimizerNames() {
		cases = append(cases, struct {
			v   value
			dst encoding.TextUnmarshaler
		}{n, new(OptimizerName)})
	}
	for _, tc := range cases {
		b, err := tc.v.MarshalText()
		if err != nil {
			t.Fatalf("%v: MarshalText: %v", tc.v, err)
		}
		if err := tc.dst.UnmarshalText(b); err != nil {
			t.Fatalf("%s: UnmarshalText: %v", b, err)
		}
		back, _ := tc.dst.(value).MarshalText()
		if string(back) != string(b) {
			t.Errorf("%s came back as %s", b, back)
		}
	}
	for _, tc := range []struct {
		text string
		dst  encoding.TextUnmarshaler
	}{
		{"std=-1", new(Init)}, {"std=NaN", new(Init)}, {"const=", new(Init)}, {"lecun", new(Init)}, {"", new(Init)},
		{"swish", new(Activation)}, {"", new(Activation)},
		{"lbfgs", new(OptimizerName)}, {"", new(OptimizerName)},
	} {
		if err := tc.dst.UnmarshalText([]byte(tc.text)); err == nil {
			t.Errorf("%T accepted %q", tc.dst, tc.text)
		}
	}
	// Unknown values do not marshal: a config file never holds them.
	if _, err := json.Marshal(struct{ A Activation }{"swish"}); err == nil {
		t.Error("an unknown activation was written")
	}
	var in Init = He()
	if err := in.UnmarshalText([]byte("bogus")); err == nil || in != He() {
		t.Errorf("failed UnmarshalText changed the value to %v", in)
	}
	// Case and spaces do not matter on the way in.
	var opt OptimizerName
	if err := opt.UnmarshalText([]byte(" Adam ")); err != nil || opt != OptAdam {
		t.Errorf("\" Adam \" read as %q, %v", opt, err)
	}
}
