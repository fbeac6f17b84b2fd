package se.vardag.generate;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Swedish first names and surnames, and the ASCII form used in e-mail addresses. */
final class SwedishNames {
  private SwedishNames() {}

  private static final List<String> FIRST = List.of(
      "Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma", "Kerstin", "Ingrid",
      "Åsa", "Märta", "Linnéa", "Malin", "Sofia", "Jenny", "Annika", "Helena", "Ebba", "Maja",
      "Britt-Marie", "Anna-Karin", "Birgitta", "Ulrika", "Therése", "Agnes", "Elsa", "Stina", "Frida", "Louise",
      "Lars", "Mikael", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Thomas", "Jan",
      "Björn", "Örjan", "Göran", "Håkan", "Jöns", "Mattias", "Fredrik", "Daniel", "Niklas", "Magnus",
      "Per-Olof", "Sören", "Måns", "Olle", "Gustav", "Oskar", "Viktor", "Ali", "Ahmed", "Dragan",
      "Amira", "Leyla", "Noor", "Aleksandra", "Yusuf", "Mehmet", "Hanna", "Ida", "Tove", "Nils");

  private static final List<String> LAST = List.of(
      "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
      "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
      "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg",
      "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
      "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
      "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström",
      "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren",
      "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Ali",
      "Åberg", "Öberg", "Ström", "Näslund", "Söderström", "Bäckström", "Hedström", "Åkesson",
      "Sjögren", "Törnqvist", "Hassan", "Yilmaz", "Nordin", "Östlund", "Källström", "Ängström");

  static String firstName(SplittableRandom rng) {
    return FIRST.get(rng.nextInt(FIRST.size()));
  }

  static String lastName(SplittableRandom rng) {
    return LAST.get(rng.nextInt(LAST.size()));
  }

  /** "Åsa Öberg-Lind" → "asa.oberg-lind": lower case, diacritics removed, spaces as dots. */
  static String emailLocalPart(String first, String last) {
    String raw = first + "." + last;
    String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return decomposed.toLowerCase(Locale.ROOT).replace(' ', '.');
  }
}
