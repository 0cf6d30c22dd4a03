package experiment

import (
	"reflect"

	"zerokara/net/mnist"
)

// A config that trains on MNIST holds it in a field Data *mnist.Data,
// left out of JSON; dataOf and withData reach that field in any config.

// dataOf returns cfg's data, or nil.
func dataOf(cfg Config) *mnist.Data {
	v := reflect.ValueOf(cfg)
	if v.Kind() != reflect.Struct {
		return nil
	}
	f := v.FieldByName("Data")
	if !f.IsValid() {
		return nil
	}
	d, _ := f.Interface().(*mnist.Data)
	return d
}

// withData returns a copy of cfg holding data (cfg itself when it has no
// Data field).
func withData(cfg Config, data *mnist.Data) Config {
	v := reflect.ValueOf(cfg)
	if v.Kind() != reflect.Struct {
		return cfg
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	f := c.FieldByName("Data")
	if !f.IsValid() || !f.CanSet() {
		return cfg
	}
	f.Set(reflect.ValueOf(data))
	return c.Interface().(Config)
}
