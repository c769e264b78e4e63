/// The Python program that decides whether each call of an answer returned its expected value,
/// in a process of its own started after the answer's process group is gone.
///
/// `python3 -I -S -B -c JUDGE SETTINGS`, with `{"tests": [{"index", "expected", "outcome"}]}` on
/// standard input, where an outcome is what `PythonHarness` reported: `{"value": DATA}` or
/// `{"error": TEXT, "memory": BOOL}`. It evaluates each expected value, rebuilds the answer's
/// value from its data (`decode`: plain values only, never code; anything unknown becomes a
/// value equal to nothing), compares them, and writes one JSON line per test on descriptor 3.
/// No answer code runs here, so nothing the answer did can write these lines.
enum PythonJudge {
  static let source =
    "import collections, datetime, decimal, fractions, json, math, os, resource, signal, sys\n"
    + PythonHarness.setUp + #"""
      signal.alarm(int(math.ceil(limits["wall"])) + 1)
      limit(resource.RLIMIT_CPU, limits["cpu"])
      limit(resource.RLIMIT_AS, limits["memory"])
      limit(resource.RLIMIT_FSIZE, 0)
      limit(resource.RLIMIT_NPROC, 0)
      sys.setrecursionlimit(2000)


      def same(got, want):
          numbers = (int, float)
          if isinstance(got, bool) or isinstance(want, bool):
              return type(got) is type(want) and got == want
          if isinstance(got, float) or isinstance(want, float):
              if not (isinstance(got, numbers) and isinstance(want, numbers)):
                  return False
              if math.isnan(got) and math.isnan(want):
                  return True
              return math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-9)
          if isinstance(got, (list, tuple)) and isinstance(want, (list, tuple)):
              return (type(got) is type(want) and len(got) == len(want)
                      and all(same(a, b) for a, b in zip(got, want)))
          if isinstance(got, dict) and isinstance(want, dict):
              return got.keys() == want.keys() and all(same(got[k], want[k]) for k in want)
          return bool(got == want)


      class Opaque:
          """A value of a type the runner does not send by content: shown by its repr, equal to
          nothing."""

          def __init__(self, text):
              self.text = text if isinstance(text, str) else "<a value that could not be read>"

          def __repr__(self):
              return self.text[:300]

          def __eq__(self, other):
              return False

          def __ne__(self, other):
              return True

          __hash__ = object.__hash__


      def integer(text):
          if type(text) is not str:
              raise TypeError("not hex")
          return int(text, 16)


      def real(text):
          if type(text) is not str:
              raise TypeError("not hex")
          return float.fromhex(text)


      def whole(number):
          if type(number) is not int:
              raise TypeError("not an integer")
          return number


      def zone(offset):
          if offset is None:
              return None
          return datetime.timezone(datetime.timedelta(*[whole(part) for part in offset]))


      sequences = {"list": list, "tuple": tuple, "deque": collections.deque, "set": set,
                   "frozenset": frozenset}
      mappings = {"dict": dict, "Counter": collections.Counter,
                  "OrderedDict": collections.OrderedDict}


      def decode(node):
          tag = node[0]
          if tag == "none":
              return None
          if tag == "bool":
              if type(node[1]) is not bool:
                  raise TypeError("not a bool")
              return node[1]
          if tag == "int":
              return integer(node[1])
          if tag == "float":
              return real(node[1])
          if tag == "str":
              if type(node[1]) is not str:
                  raise TypeError("not a str")
              return node[1]
          if tag in sequences:
              return sequences[tag]([decode(item) for item in node[1]])
          if tag in mappings:
              # Through a dict: Counter counts an iterable's items rather than taking its pairs.
              return mappings[tag](dict([(decode(key), decode(item)) for key, item in node[1]]))
          if tag == "defaultdict":
              return collections.defaultdict(None, [(decode(key), decode(item))
                                                    for key, item in node[1]])
          if tag in ("bytes", "bytearray"):
              if type(node[1]) is not str:
                  raise TypeError("not hex")
              data = bytes.fromhex(node[1])
              return data if tag == "bytes" else bytearray(data)
          if tag == "complex":
              return complex(real(node[1]), real(node[2]))
          if tag == "Decimal":
              if type(node[1]) is not str:
                  raise TypeError("not a number")
              return decimal.Decimal(node[1])
          if tag == "Fraction":
              return fractions.Fraction(integer(node[1]), integer(node[2]))
          if tag == "datetime":
              parts = [whole(part) for part in node[1]]
              return datetime.datetime(*parts[:7], tzinfo=zone(node[2]), fold=parts[7])
          if tag == "date":
              return datetime.date(*[whole(part) for part in node[1]])
          if tag == "time":
              parts = [whole(part) for part in node[1]]
              return datetime.time(*parts[:4], tzinfo=zone(node[2]), fold=parts[4])
          if tag == "timedelta":
              return datetime.timedelta(*[whole(part) for part in node[1]])
          if tag == "timezone":
              return zone(node[1])
          if tag == "range":
              return range(*[integer(part) for part in node[1]])
          if tag == "other":
              return Opaque(node[1])
          raise ValueError("unknown kind")


      def rebuilt(data):
          try:
              return decode(json.loads(data))
          except BaseException:
              return Opaque("<a value that could not be read>")


      # The names an expected value may use.
      helpers = {"__builtins__": __builtins__,
                 "datetime": datetime.datetime, "date": datetime.date,
                 "timedelta": datetime.timedelta, "timezone": datetime.timezone,
                 "Decimal": decimal.Decimal, "Fraction": fractions.Fraction,
                 "Counter": collections.Counter, "OrderedDict": collections.OrderedDict,
                 "defaultdict": collections.defaultdict, "deque": collections.deque,
                 "math": math}

      for test in given["tests"]:
          record = {"event": "test", "index": test["index"], "passed": False, "memory": False}
          outcome = test["outcome"]
          try:
              want = eval(test["expected"], dict(helpers))
              record["expected"] = shown(want)
          except BaseException as error:
              record["expected"] = "(the expected value failed: %s)" % describe(error)
              want = Opaque(record["expected"])
          if "value" in outcome:
              got = rebuilt(outcome["value"])
              record["actual"] = shown(got)
              try:
                  record["passed"] = same(got, want) is True
              except BaseException as error:
                  record["actual"] += " (%s)" % describe(error)
          else:
              record["actual"] = outcome["error"]
              record["memory"] = outcome["memory"]
          emit(**record)
      emit(event="done")
      """#
}
