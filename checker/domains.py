"""Domain names in one written form, so that `reparatör.se` and its punycode
`xn--reparatr-t4a.se` compare equal: a browser's e-mail field hands over the
punycode, a visitor types the Unicode.

The one form is Unicode: each label that is valid punycode (`xn--…`) is decoded,
so messages show the domain as the visitor wrote it and the trademark search sees
the words a punycode label hides. A label that is not valid punycode is kept as
written; nothing here ever raises.

Punycode is RFC 3492, written out because MicroPython has no "punycode" or "idna"
codec (its str.encode ignores the codec's name and gives UTF-8). Of IDNA's mapping
only what a visitor's text may need is done (there is no unicodedata in
MicroPython): a Latin letter written as the letter and a combining mark (ö as o
and U+0308, as text copied on a Mac may be) is made the one letter a browser's
e-mail field encodes. Case is lowered by the caller.
"""

PREFIX = "xn--"

# RFC 3492, section 5.
_BASE = 36
_TMIN = 1
_TMAX = 26
_SKEW = 38
_DAMP = 700
_INITIAL_BIAS = 72
_INITIAL_N = 128
_MAX_CODE_POINT = 0x10FFFF

# Per combining mark, lower-case letters and the one letter each makes with it
# (Unicode's NFC composition; tests/checker/test_module.py holds it to unicodedata).
_COMBINED = {
    "\u0300": "aàeèiìnǹoòuùwẁyỳ",
    "\u0301": "aácćeégǵiíkḱlĺmḿnńoópṕrŕsśuúwẃyýzź",
    "\u0302": "aâcĉeêgĝhĥiîjĵoôsŝuûwŵyŷzẑ",
    "\u0303": "aãeẽiĩnñoõuũvṽyỹ",
    "\u0304": "aāeēgḡiīoōuūyȳ",
    "\u0306": "aăeĕgğiĭoŏuŭ",
    "\u0307": "aȧbḃcċdḋeėfḟgġhḣmṁnṅoȯpṗrṙsṡtṫwẇxẋyẏzż",
    "\u0308": "aäeëhḧiïoötẗuüwẅxẍyÿ",
    "\u030a": "aåuůwẘyẙ",
    "\u030b": "oőuű",
    "\u030c": "aǎcčdďeěgǧhȟiǐjǰkǩlľnňoǒrřsštťuǔzž",
    "\u0327": "cçdḑeȩgģhḩkķlļnņrŗsştţ",
    "\u0328": "aąeęiįoǫuų",
}


def _adapt(delta, points, first):
    delta = delta // _DAMP if first else delta // 2
    delta += delta // points
    k = 0
    while delta > ((_BASE - _TMIN) * _TMAX) // 2:
        delta //= _BASE - _TMIN
        k += _BASE
    return k + ((_BASE - _TMIN + 1) * delta) // (delta + _SKEW)


def _threshold(k, bias):
    if k <= bias:
        return _TMIN
    if k >= bias + _TMAX:
        return _TMAX
    return k - bias


def _digit_value(ch):
    if "a" <= ch <= "z":
        return ord(ch) - ord("a")
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A")
    if "0" <= ch <= "9":
        return ord(ch) - ord("0") + 26
    return _BASE  # not a digit


def _digit(value):
    return chr(value + ord("a")) if value < 26 else chr(value - 26 + ord("0"))


def punycode_decode(text):
    """The Unicode a punycode string (without `xn--`) stands for, or None if it is invalid."""
    delimiter = text.rfind("-")
    basic = text[:delimiter] if delimiter >= 0 else ""
    for ch in basic:
        if ord(ch) >= 0x80:
            return None
    output = list(basic)
    n = _INITIAL_N
    i = 0
    bias = _INITIAL_BIAS
    pos = delimiter + 1
    while pos < len(text):
        old_i = i
        weight = 1
        k = _BASE
        while True:
            if pos >= len(text):
                return None
            digit = _digit_value(text[pos])
            pos += 1
            if digit >= _BASE:
                return None
            i += digit * weight  # Python's integers do not overflow: a bad n is refused below
            t = _threshold(k, bias)
            if digit < t:
                break
            weight *= _BASE - t
            k += _BASE
        bias = _adapt(i - old_i, len(output) + 1, old_i == 0)
        n += i // (len(output) + 1)
        i %= len(output) + 1
        if n > _MAX_CODE_POINT or 0xD800 <= n <= 0xDFFF:
            return None
        output.insert(i, chr(n))
        i += 1
    return "".join(output)


def punycode_encode(text):
    """The punycode of a Unicode string (without `xn--`)."""
    codes = [ord(ch) for ch in text]
    output = [ch for ch in text if ord(ch) < 0x80]
    basic_count = handled = len(output)
    if basic_count:
        output.append("-")
    n = _INITIAL_N
    delta = 0
    bias = _INITIAL_BIAS
    while handled < len(codes):
        m = min([code for code in codes if code >= n])
        delta += (m - n) * (handled + 1)
        n = m
        for code in codes:
            if code < n:
                delta += 1
            elif code == n:
                q = delta
                k = _BASE
                while True:
                    t = _threshold(k, bias)
                    if q < t:
                        break
                    output.append(_digit(t + (q - t) % (_BASE - t)))
                    q = (q - t) // (_BASE - t)
                    k += _BASE
                output.append(_digit(q))
                bias = _adapt(delta, handled + 1, handled == basic_count)
                delta = 0
                handled += 1
        delta += 1
        n += 1
    return "".join(output)


def label_to_unicode(label):
    """A lower-case label's Unicode form: `xn--reparatr-t4a` → `reparatör`.

    Only canonical punycode that holds a non-ASCII character is decoded (as IDNA
    requires); anything else, `xn--` garbage included, comes back unchanged.
    """
    if not label.startswith(PREFIX):
        return label
    encoded = label[len(PREFIX):]
    decoded = punycode_decode(encoded)
    if decoded is None or len(decoded.encode("utf-8")) == len(decoded):
        return label
    if punycode_encode(decoded) != encoded:
        return label
    return decoded


def to_unicode(host):
    """A lower-case host name with every punycode label decoded, and its letters
    written with a combining mark made one letter."""
    return ".".join([label_to_unicode(label) for label in composed(host).split(".")])


def composed(text):
    """Lower-case `text` with each letter written as a letter and a combining mark
    (see _COMBINED) made the one letter."""
    for mark in _COMBINED:
        if mark in text:
            pairs = _COMBINED[mark]
            for i in range(0, len(pairs), 2):
                text = text.replace(pairs[i] + mark, pairs[i + 1])
    return text

