package io.parley.platform.management;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import java.util.List;

/**
 * Event-bus meters per address, with the addresses made per room, user, gateway or reply counted as one each
 * ({@code parley.room.*}...): a label value per room would grow without bound. By prefix rather than as Vert.x
 * label matches, whose regular expressions, four in a row, were a tenth of the event loops' time at 1,000
 * messages/s. {@link EventBusMeterCache} aliases before it looks its meters up; as a filter, this covers the
 * event-bus meters made elsewhere (the reply failures made at start, {@link EventBusMeters}).
 */
public final class EventBusAddressAliases implements MeterFilter {

  private static final String EVENT_BUS = MetricsDomain.EVENT_BUS.getPrefix();
  private static final String ADDRESS = Label.EB_ADDRESS.toString();
  private static final List<String> PER_ENTITY = List.of("parley.room.", "parley.user.", "parley.gateway.",
      "__vertx.reply.");
  private static final List<String> ALIASES = PER_ENTITY.stream().map(prefix -> prefix + "*").toList();

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().startsWith(EVENT_BUS)) {
      return id;
    }
    String address = id.getTag(ADDRESS);
    if (address == null) {
      return id;
    }
    String alias = alias(address);
    return alias.equals(address) ? id : id.replaceTags(Tags.of(id.getTagsAsIterable()).and(ADDRESS, alias));
  }

  /** The label value of an address: itself, or its prefix and {@code *} for an address per room, user... */
  static String alias(String address) {
    for (int i = 0; i < PER_ENTITY.size(); i++) {
      String prefix = PER_ENTITY.get(i);
      if (address.length() > prefix.length() && address.startsWith(prefix)) {
        return ALIASES.get(i);
      }
    }
    return address;
  }
}
