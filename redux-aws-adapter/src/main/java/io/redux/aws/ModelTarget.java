package io.redux.aws;

/** The AWS service that answers a model id. */
enum ModelTarget {
    BEDROCK("bedrock-runtime", "Bedrock"),
    SAGEMAKER("sagemaker-runtime", "SageMaker");

    private final String serviceName;
    private final String displayName;

    ModelTarget(String serviceName, String displayName) {
        this.serviceName = serviceName;
        this.displayName = displayName;
    }

    /** The service's name for people: "Bedrock", "SageMaker". */
    public String displayName() {
        return displayName;
    }

    /** The service's name as AWS documentation and endpoints spell it. */
    public String serviceName() {
        return serviceName;
    }
}
