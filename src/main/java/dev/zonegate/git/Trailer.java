package dev.zonegate.git;

/**
 * One footer line of a commit message, such as {@code Zonegate-Allow: address-emptied:db reason},
 * with who wrote it, so an override in a report can be traced to its commit and author.
 *
 * @param commit the commit's 12-character abbreviation
 * @param author {@code Name <email>} of the commit's author
 * @param value the footer's value, without the key
 */
public record Trailer(String commit, String author, String value) {}
