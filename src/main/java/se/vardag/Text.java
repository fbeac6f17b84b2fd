package se.vardag;

/** Escaping and cleaning of text that may come from the inputs. */
public final class Text {
  private Text() {}

  /** HTML-escapes text for element content and attribute values (double- or single-quoted). */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          if (cp == '\n' || cp == '\r' || cp == '\t') {
            b.append(' ');
          } else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
            b.append(' ');
          } else if (Character.isSurrogate((char) cp) || cp == 0xFFFE || cp == 0xFFFF) {
            // Not characters at all (a lone surrogate, a noncharacter): XML, and so the PDF's parser, refuses them.
            b.append('\uFFFD');
          } else {
            b.appendCodePoint(cp);
          }
      }
    });
    return b.toString();
  }

  /**
   * The text on one line: CR, LF, tab, other control characters and Unicode line/paragraph separators
   * become a space, runs of spaces collapse to one, and the ends are trimmed. Used for everything that
   * goes into a mail header, so CR/LF from the inputs never reaches one.
   */
  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean ws = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == ' ';
      if (ws) {
        space = true;
      } else {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }
}
