package org.webcare.cases;

/**
 * The values a template's variables are filled with. All values are plain text as received (customer names are
 * hostile input); whoever shows the rendered text must escape it.
 *
 * @param caseNumber the number of the case the reply is for
 */
public record TemplateContext(String customerName, String customerHandle, String agentName, String agentInitials,
                              String caseNumber, String brandName) {

    String value(String variable) {
        String value = switch (variable) {
            case "customer.name" -> customerName;
            case "customer.handle" -> customerHandle;
            case "agent.name" -> agentName;
            case "agent.initials" -> agentInitials;
            case "case.number" -> caseNumber;
            case "brand.name" -> brandName;
            default -> throw new IllegalArgumentException("text: unknown variable {{" + variable + "}}");
        };
        return value == null ? "" : value;
    }
}
