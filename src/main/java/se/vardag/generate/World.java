package se.vardag.generate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Everything the files are written from: the organisation, its people and its initiatives. */
record World(Organisation org, Workforce workforce, List<Initiative> initiatives, Adoption adoption,
    ActionCatalog catalog) {

  World {
    requireNonNull(org, "org is null");
    requireNonNull(workforce, "workforce is null");
    initiatives = List.copyOf(initiatives);
    requireNonNull(adoption, "adoption is null");
    requireNonNull(catalog, "catalog is null");
  }

  static World build(GeneratorOptions options) {
    Organisation org = Organisation.build(options.employees());
    List<Workforce.Departure> departures = new ArrayList<>();
    for (int i = 0; i < options.initiatives(); i++) {
      Story story = Stories.forInitiative(i);
      if (story.owner() != null && story.ownerLeftDaysBeforeEnd() != null) {
        departures.add(new Workforce.Departure(Stories.siteOfInitiative(i), story.owner().localPath(),
            story.owner().slot(), options.endDate().minusDays(story.ownerLeftDaysBeforeEnd())));
      }
    }
    Workforce workforce = Workforce.build(options, org, departures);
    List<Initiative> initiatives = new ArrayList<>();
    for (int i = 0; i < options.initiatives(); i++) {
      Story story = Stories.forInitiative(i);
      int site = Stories.siteOfInitiative(i);
      Person owner = story.owner() == null ? null
          : org.unit(site, story.owner().localPath()).flatMap(u -> workforce.atSlot(u, story.owner().slot()))
              .orElse(null);
      initiatives.add(Initiative.of(i, story, site, owner, options.endDate()));
    }
    Set<String> signals = new LinkedHashSet<>();
    Stories.all().forEach(s -> signals.addAll(s.signalActions()));
    ActionCatalog catalog = new ActionCatalog(List.copyOf(signals));
    Adoption adoption = new Adoption(options, initiatives, workforce, org, catalog);
    return new World(org, workforce, initiatives, adoption, catalog);
  }
}
